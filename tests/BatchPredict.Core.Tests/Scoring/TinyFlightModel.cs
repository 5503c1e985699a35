using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace BatchPredict.Core.Tests.Scoring;

/// <summary>
/// A tiny model with the demo contract's columns, trained in the test on a few hundred synthetic rows (test data for
/// the pipeline, not a stand-in for the flights): late when the flight leaves after 17h or flies far from "ORD".
/// Two settings give two versions whose scores differ.
/// </summary>
internal static class TinyFlightModel
{
    private static readonly Lazy<byte[]> V1 = new(() => Train(iterations: 5));
    private static readonly Lazy<byte[]> V2 = new(() => Train(iterations: 50));

    public static byte[] Version1 => V1.Value;

    public static byte[] Version2 => V2.Value;

    public static string[] Airports { get; } = ["ATL", "ORD", "DEN", "LAX", "JFK"];

    private static byte[] Train(int iterations)
    {
        var ml = new MLContext(seed: 11);
        var random = new Random(11);
        var rows = Enumerable.Range(0, 400).Select(_ =>
        {
            var hour = random.Next(0, 24);
            var origin = Airports[random.Next(Airports.Length)];
            var distance = random.Next(100, 3000);
            return new Row
            {
                Distance = distance,
                Hour = hour,
                Dow = random.Next(0, 7),
                Month = random.Next(1, 13),
                Origin = origin,
                Destination = Airports[random.Next(Airports.Length)],
                Label = hour >= 17 || (origin == "ORD" && distance > 1500),
            };
        }).ToList();
        var pipeline = ml.Transforms.Categorical.OneHotEncoding([new("OriginKey", "Origin"), new("DestinationKey", "Destination")])
            .Append(ml.Transforms.Concatenate("Features", "Distance", "Hour", "Dow", "Month", "OriginKey", "DestinationKey"))
            .Append(ml.Transforms.NormalizeMinMax("Features"))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { MaximumNumberOfIterations = iterations }));
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = pipeline.Fit(data);
        using var buffer = new MemoryStream();
        ml.Model.Save(model, data.Schema, buffer);
        return buffer.ToArray();
    }

    private sealed class Row
    {
        public float Distance { get; set; }

        public float Hour { get; set; }

        public float Dow { get; set; }

        public float Month { get; set; }

        public string Origin { get; set; } = "";

        public string Destination { get; set; } = "";

        public bool Label { get; set; }
    }
}
