using System.Collections.Concurrent;
using BatchPredict.Core.Models;

namespace BatchPredict.Core.Tests.Models;

/// <summary>Serves model bytes by (name, version), counts reads, and can hold every read until released.</summary>
internal sealed class FakeContentReader : IModelContentReader
{
    private readonly ConcurrentDictionary<(string, int), byte[]> _bytes = new();
    private readonly ConcurrentDictionary<(string, int), int> _reads = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeContentReader(bool held = false)
    {
        if (!held)
        {
            _gate.SetResult();
        }
    }

    public void Store(string name, int version, byte[] bytes) => _bytes[(name, version)] = bytes;

    public int Reads(string name, int version) => _reads.GetValueOrDefault((name, version));

    public void Release() => _gate.TrySetResult();

    public async Task<byte[]> ReadAsync(ModelVersionInfo version, CancellationToken ct)
    {
        _reads.AddOrUpdate((version.Name, version.Version), 1, (_, n) => n + 1);
        await _gate.Task.WaitAsync(ct);
        return _bytes[(version.Name, version.Version)];
    }
}
