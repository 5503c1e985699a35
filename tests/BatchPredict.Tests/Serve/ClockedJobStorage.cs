using Hangfire;
using Hangfire.Storage;

namespace BatchPredict.Tests.Serve;

/// <summary>
/// Hangfire.Mongo tells Hangfire it can read the database server's clock, and the recurring scheduler then prefers
/// that clock to its own. This view of the storage hides that one feature, so a scheduler built with a fake clock
/// follows the fake clock; everything else goes to the real storage.
/// </summary>
internal sealed class ClockedJobStorage(JobStorage inner) : JobStorage
{
    private const string ServerClockFeature = "Connection.GetUtcDateTime";

    public override IStorageConnection GetConnection() => inner.GetConnection();

    public override IMonitoringApi GetMonitoringApi() => inner.GetMonitoringApi();

    public override bool HasFeature(string featureId) =>
        !string.Equals(featureId, ServerClockFeature, StringComparison.OrdinalIgnoreCase) && inner.HasFeature(featureId);
}
