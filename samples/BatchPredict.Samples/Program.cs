using BatchPredict.Samples;

// dotnet run --project samples/BatchPredict.Samples -- --out <dir> [--data <flights.parquet>]
var output = Argument(args, "--out") ?? Directory.GetCurrentDirectory();
var data = Argument(args, "--data") ?? FlightDataLocation.Find();
if (data is null || !File.Exists(data))
{
    Console.Error.WriteLine($"error: flights data not found ({data ?? "samples/data/flights-3m.parquet"}); pass --data <path>");
    return 1;
}

await FlightDelayTraining.TrainDemoModelsAsync(data, output, Console.Out);
return 0;

static string? Argument(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
