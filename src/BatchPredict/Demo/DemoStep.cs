namespace BatchPredict.Demo;

/// <summary>One step of the demo with how long it took and what it did (imported, reused, trained, pushed ...).</summary>
public sealed record DemoStep(string Name, TimeSpan Elapsed, string Outcome);
