using BatchPredict.Core.Import;
using MongoDB.Bson;
using Parquet;

namespace BatchPredict.Core.Tests.Import;

/// <summary>The real data shipped in samples/data: its first row group must come out in the documented document shape.</summary>
public class FlightsSampleTests
{
    [Fact]
    public async Task ReadAsync_FirstRowGroupOfFlights_HasTheFlightShape()
    {
        var path = Path.Combine(SolutionFolder(), "samples", "data", "flights-3m.parquet");
        long firstGroupRows;
        await using (var parquet = await ParquetReader.CreateAsync(path))
        {
            firstGroupRows = parquet.Metadata!.RowGroups[0].NumRows;
        }

        var result = await ImportFiles.ReadAllAsync(path, ImportFormat.Parquet, batchSize: 50_000, maxRows: firstGroupRows);

        Assert.Equal(3_000_000, result.TotalRows);
        Assert.Empty(result.BadRows);
        var documents = result.Documents;
        Assert.Equal(firstGroupRows, documents.Count);
        Assert.All(documents, d => Assert.Equal(["date", "delay", "distance", "origin", "destination"], d.Names));
        Assert.All(documents, d => Assert.Equal(BsonType.DateTime, d["date"].BsonType));
        Assert.All(documents, d => Assert.Equal(BsonType.Int64, d["distance"].BsonType));
        Assert.All(documents, d => Assert.Matches("^[A-Z0-9]{3}$", d["origin"].AsString));
        Assert.All(documents, d => Assert.Matches("^[A-Z0-9]{3}$", d["destination"].AsString));
        Assert.All(documents, d => Assert.True(d["delay"].BsonType is BsonType.Int64 or BsonType.Null));
        Assert.True(documents.Count(d => d["delay"].IsInt64) > documents.Count * 9 / 10);
        var first = documents[0]["date"].ToUniversalTime();
        Assert.Equal(DateTimeKind.Utc, first.Kind);
        Assert.InRange(first.Year, 1987, 2025);
    }

    private static string SolutionFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BatchPredict.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder holding BatchPredict.sln above {AppContext.BaseDirectory}.");
    }
}
