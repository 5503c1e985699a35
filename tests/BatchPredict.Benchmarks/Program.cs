// Benchmark programs: each prints its figures and how they were measured. See the README's performance section.
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["models"] = BatchPredict.Benchmarks.ModelBenchmark.RunAsync,
    ["import-read"] = BatchPredict.Benchmarks.ImportReadBenchmark.RunAsync,
    ["runs"] = BatchPredict.Benchmarks.RunsBenchmark.RunAsync,
    ["sort"] = BatchPredict.Benchmarks.SortBenchmark.RunAsync,
    ["planner"] = BatchPredict.Benchmarks.PlannerBenchmark.RunAsync,
    ["server"] = BatchPredict.Benchmarks.ServerBenchmark.RunAsync,
    ["e2e"] = BatchPredict.Benchmarks.E2eBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: BatchPredict.Benchmarks <{string.Join('|', benchmarks.Keys)}> [options]");
    return 2;
}

return await run(args[1..]);
