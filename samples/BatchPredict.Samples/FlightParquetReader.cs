using Parquet;
using Parquet.Schema;

namespace BatchPredict.Samples;

/// <summary>One split of the flights file drawn by a seeded sample: rows for training and held-out rows for evaluation.</summary>
public sealed record FlightSample(IReadOnlyList<FlightDelayExample> Train, IReadOnlyList<FlightDelayExample> Test, long RowsRead, long RowsSkipped);

/// <summary>
/// Reads the flights Parquet file (date, delay, distance, origin, destination) one row group at a time so memory stays
/// flat, and keeps a deterministic sample: the same seed and rates give the same rows on every machine.
/// </summary>
public static class FlightParquetReader
{
    public static async Task<FlightSample> SampleAsync(string path, double trainRate, double testRate, int seed, int? maxRowGroups = null, CancellationToken ct = default)
    {
        if (trainRate < 0 || testRate < 0 || trainRate + testRate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(trainRate), "The train and test rates must be between 0 and 1 and add up to at most 1.");
        }

        var random = new Random(seed);
        var train = new List<FlightDelayExample>();
        var test = new List<FlightDelayExample>();
        long read = 0, skipped = 0;
        await using var stream = File.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream, cancellationToken: ct);
        var fields = reader.Schema.GetDataFields();
        var groups = Math.Min(reader.RowGroupCount, maxRowGroups ?? int.MaxValue);
        for (var g = 0; g < groups; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var dates = new DateTime?[count];
            var delays = new long?[count];
            var distances = new long?[count];
            var origins = new string[count];
            var destinations = new string[count];
            await group.ReadAsync<DateTime>(Field(fields, "date"), dates, cancellationToken: ct);
            await group.ReadAsync<long>(Field(fields, "delay"), delays, cancellationToken: ct);
            await group.ReadAsync<long>(Field(fields, "distance"), distances, cancellationToken: ct);
            await group.ReadAsync(Field(fields, "origin"), origins, cancellationToken: ct);
            await group.ReadAsync(Field(fields, "destination"), destinations, cancellationToken: ct);
            for (var i = 0; i < count; i++)
            {
                read++;
                // Draw for every row, kept or not, so the sample does not depend on which rows are skipped.
                var draw = random.NextDouble();
                if (dates[i] is not { } date || delays[i] is not { } delay || distances[i] is not { } distance
                    || string.IsNullOrEmpty(origins[i]) || string.IsNullOrEmpty(destinations[i]))
                {
                    skipped++;
                    continue;
                }

                var target = draw < trainRate ? train : draw < trainRate + testRate ? test : null;
                target?.Add(FlightDelayExample.From(date, delay, distance, origins[i], destinations[i]));
            }
        }

        return new FlightSample(train, test, read, skipped);
    }

    private static DataField Field(DataField[] fields, string name) =>
        fields.FirstOrDefault(f => f.Name == name)
        ?? throw new InvalidDataException($"The flights file has no column '{name}' (expected date, delay, distance, origin, destination).");
}
