namespace BatchPredict.EmbeddedMongo;

/// <summary>How the embedded MongoDB-compatible server listens and where it keeps its data.</summary>
public sealed class EmbeddedMongoOptions
{
    /// <summary>Loopback address to bind. Only loopback is accepted: the server has no authentication.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Folder of the durable data; null keeps everything in memory.</summary>
    public string? DataPath { get; set; }

    /// <summary>How often expired documents of TTL indexes are removed.</summary>
    public TimeSpan TtlMonitorInterval { get; set; } = TimeSpan.FromSeconds(60);
}
