using System.Text;
using BatchPredict.Core.Import;
using MongoDB.Bson;

namespace BatchPredict.Core.Tests.Import;

/// <summary>A temporary folder of small files written by the tests themselves, removed afterwards.</summary>
public sealed class ImportFiles : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("bp-import-").FullName;

    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    public static async Task<ReadResult> ReadAllAsync(string path, ImportFormat format, int batchSize = 100, long? maxRows = null)
    {
        await using var reader = await RowReaders.OpenAsync(path, format, CancellationToken.None);
        var result = new ReadResult(reader.TotalRows);
        await foreach (var batch in reader.ReadAsync(batchSize, maxRows, CancellationToken.None))
        {
            result.Batches.Add(batch);
        }

        return result;
    }
}

public sealed record ReadResult(long? TotalRows)
{
    public List<ImportBatch> Batches { get; } = [];

    public List<BsonDocument> Documents => Batches.SelectMany(b => b.Documents).ToList();

    public List<long> Numbers => Batches.SelectMany(b => b.Numbers).ToList();

    public List<BadRow> BadRows => Batches.SelectMany(b => b.BadRows).ToList();
}
