using BatchPredict.Core.Import;
using MongoDB.Bson;
using Parquet;
using Parquet.Schema;

namespace BatchPredict.Core.Tests.Import;

public sealed class ParquetRowReaderTests : IDisposable
{
    private readonly ImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task ReadAsync_TypedColumns_KeepTheirTypes()
    {
        var at = new DateTime(2024, 3, 1, 10, 20, 30, DateTimeKind.Utc);
        DataField[] fields =
        [
            new DataField<int>("i32"), new DataField<long?>("i64"), new DataField<short>("i16"), new DataField<double>("dbl"),
            new DataField<float>("flt"), new DataField<bool>("flag"), new DataField<string>("text"), new DataField<DateTime?>("at"),
            new DataField<decimal>("money"), new DataField<byte[]>("blob"),
        ];
        var path = await WriteAsync("typed.parquet", fields, [async g =>
        {
            await g.WriteAsync<int>(fields[0], new[] { 1, -2 });
            await g.WriteAsync<long>(fields[1], new long?[] { 5_000_000_000, null });
            await g.WriteAsync<short>(fields[2], new short[] { 7, 8 });
            await g.WriteAsync<double>(fields[3], new[] { 0.25, 1.5 });
            await g.WriteAsync<float>(fields[4], new[] { 0.5f, 2f });
            await g.WriteAsync<bool>(fields[5], new[] { true, false });
            await g.WriteAsync(fields[6], new[] { "ATL", null! });
            await g.WriteAsync<DateTime>(fields[7], new DateTime?[] { at, null });
            await g.WriteAsync<decimal>(fields[8], new[] { 1.10m, 2m });
            await g.WriteAsync(fields[9], new[] { new byte[] { 1, 2 }, [3] });
        }]);

        var result = await ImportFiles.ReadAllAsync(path, ImportFormat.Parquet);

        Assert.Empty(result.BadRows);
        var (first, second) = (result.Documents[0], result.Documents[1]);
        Assert.Equal(["i32", "i64", "i16", "dbl", "flt", "flag", "text", "at", "money", "blob"], first.Names);
        Assert.Equal(new BsonInt32(1), first["i32"]);
        Assert.Equal(new BsonInt64(5_000_000_000), first["i64"]);
        Assert.Equal(new BsonInt32(7), first["i16"]);
        Assert.Equal(new BsonDouble(0.25), first["dbl"]);
        Assert.Equal(new BsonDouble(0.5), first["flt"]);
        Assert.Equal(BsonBoolean.True, first["flag"]);
        Assert.Equal(new BsonString("ATL"), first["text"]);
        Assert.Equal(new BsonDateTime(at), first["at"]);
        Assert.Equal(new BsonDecimal128(1.10m), first["money"]);
        Assert.Equal(new BsonBinaryData([1, 2]), first["blob"]);
        Assert.Equal(BsonNull.Value, second["i64"]);
        Assert.Equal(BsonNull.Value, second["text"]);
        Assert.Equal(BsonNull.Value, second["at"]);
    }

    [Fact]
    public async Task ReadAsync_TimestampWithoutZone_IsTakenAsUtc()
    {
        var field = new DataField<DateTime>("at");
        var path = await WriteAsync("local.parquet", [field],
            [g => g.WriteAsync<DateTime>(field, new[] { new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Unspecified) })]);

        var result = await ImportFiles.ReadAllAsync(path, ImportFormat.Parquet);

        Assert.Equal(new DateTime(2024, 3, 1, 10, 0, 0, DateTimeKind.Utc), Assert.Single(result.Documents)["at"].ToUniversalTime());
    }

    [Fact]
    public async Task ReadAsync_SeveralRowGroups_BatchesCrossThemWithRowNumbers()
    {
        var field = new DataField<long>("n");
        var path = await WriteAsync("groups.parquet", [field],
            [g => g.WriteAsync<long>(field, new[] { 1L, 2, 3 }), g => g.WriteAsync<long>(field, new[] { 4L, 5, 6 })]);

        var all = await ImportFiles.ReadAllAsync(path, ImportFormat.Parquet, batchSize: 4);
        var firstFour = await ImportFiles.ReadAllAsync(path, ImportFormat.Parquet, batchSize: 10, maxRows: 4);

        Assert.Equal(6, all.TotalRows);
        Assert.Equal([4L, 2], all.Batches.Select(b => b.RowsRead));
        Assert.Equal([1L, 2, 3, 4, 5, 6], all.Documents.Select(d => d["n"].AsInt64));
        Assert.Equal([1L, 2, 3, 4, 5, 6], all.Numbers);
        Assert.Equal([1L, 2, 3, 4], firstFour.Documents.Select(d => d["n"].AsInt64));
    }

    [Fact]
    public async Task ReadAsync_ValueBsonCannotHold_IsBadRowAndReadingGoesOn()
    {
        var field = new DataField<ulong>("u");
        var path = await WriteAsync("ulong.parquet", [field], [g => g.WriteAsync<ulong>(field, new[] { 1UL, ulong.MaxValue, 3UL })]);

        var result = await ImportFiles.ReadAllAsync(path, ImportFormat.Parquet);

        Assert.Equal([1L, 3], result.Documents.Select(d => d["u"].AsInt64));
        var bad = Assert.Single(result.BadRows);
        Assert.Equal(new BadRow("row", 2, $"column 'u': {ulong.MaxValue} does not fit in Int64"), bad);
    }

    [Fact]
    public async Task OpenAsync_ListColumn_ThrowsNamingFileAndColumn()
    {
        var path = await WriteAsync("list.parquet", [new DataField<int>("a"), new DataField<int[]>("tags")], []);

        var error = await Assert.ThrowsAsync<BatchPredictException>(() => ImportFiles.ReadAllAsync(path, ImportFormat.Parquet));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("'tags'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_NotParquet_ThrowsNamingTheFile()
    {
        var path = _files.Write("fake.parquet", "date,delay\n2001-01-01,3\n");

        var error = await Assert.ThrowsAsync<BatchPredictException>(() => ImportFiles.ReadAllAsync(path, ImportFormat.Parquet));

        Assert.StartsWith($"'{path}' is not a readable Parquet file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenAsync_Folder_ThrowsNamingIt()
    {
        var error = await Assert.ThrowsAsync<BatchPredictException>(() => ImportFiles.ReadAllAsync(_files.Folder, ImportFormat.Parquet));

        Assert.Contains(_files.Folder, error.Message, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync(string name, DataField[] fields, Func<ParquetRowGroupWriter, Task>[] rowGroups)
    {
        var path = _files.PathOf(name);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream,
            new ParquetOptions { CompressionMethod = CompressionMethod.Zstd });
        foreach (var write in rowGroups)
        {
            using var rowGroup = writer.CreateRowGroup();
            await write(rowGroup);
        }

        return path;
    }
}
