using BatchPredict.Core.Models;
using MongoDB.Driver;

namespace BatchPredict.Core.Tests.Models;

public sealed class MongoModelRegistryTests(EmbeddedMongoFixture mongo) : RegistryTestBase(mongo)
{
    [Fact]
    public async Task PushListShowPromoteRollbackPull_FullCycle_SameBytesBack()
    {
        var registry = NewRegistry();
        var v1Bytes = TestModels.FlightDelayBytes;
        var v2Bytes = TestModels.WithEntry(v1Bytes, "Notes.txt", "second"u8.ToArray());

        var v1 = await registry.PushAsync(new MemoryStream(v1Bytes), new ModelPushRequest(
            "flight-delay", "first", new Dictionary<string, string> { ["team"] = "ops" }, new Dictionary<string, double> { ["auc"] = 0.68 }, "production"));
        Time.Advance(TimeSpan.FromMinutes(5));
        var v2 = await PushAsync(registry, v2Bytes);
        var listed = await registry.ListAsync("flight-delay");
        var shown = await registry.ResolveAsync(ModelReference.Parse("flight-delay"));
        Time.Advance(TimeSpan.FromMinutes(5));
        var promoted = await registry.PromoteAsync("flight-delay", 2, "production");
        var afterPromote = await registry.ResolveAsync(ModelReference.Parse("flight-delay@production"));
        Time.Advance(TimeSpan.FromMinutes(5));
        var rolledBack = await registry.RollbackAsync("flight-delay", "production");
        using var pulled = new MemoryStream();
        var pulledInfo = await registry.DownloadAsync(ModelReference.Parse("flight-delay@production"), pulled);
        using var pulledV2 = new MemoryStream();
        await registry.DownloadAsync(ModelReference.Parse("flight-delay:2"), pulledV2);

        Assert.Equal([1, 2], listed.Select(v => v.Version));
        Assert.Equal(ModelLoader.Sha256Hex(v1Bytes), v1.Sha256);
        Assert.Equal(v1Bytes.LongLength, v1.Size);
        Assert.Equal("mlnet-zip", v1.Format);
        Assert.Equal(["Distance", "Hour", "Dow", "Month", "Origin", "Destination"], listed[0].InputSchema.Select(c => c.Name));
        Assert.Equal(["PredictedLabel", "Score", "Probability"], listed[0].OutputSchema.Select(c => c.Name));
        Assert.Equal("ops", listed[0].Tags["team"]);
        Assert.Equal(0.68, listed[0].Metrics["auc"]);
        Assert.Equal("first", listed[0].Description);
        Assert.Equal(new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero), listed[0].CreatedAt);
        Assert.Equal(1, shown.Version);
        Assert.Equal(2, promoted.Version);
        Assert.Equal(2, afterPromote.Version);
        Assert.Equal(1, rolledBack.Version);
        Assert.Equal([(1, "promote"), (2, "promote"), (1, "rollback")], rolledBack.History.Select(h => (h.Version, h.Action)));
        Assert.Equal(1, pulledInfo.Version);
        Assert.Equal(v1Bytes, pulled.ToArray());
        Assert.Equal(v2Bytes, pulledV2.ToArray());
        Assert.Equal(2, v2.Version);
    }

    [Fact]
    public async Task RollbackAsync_TwiceAfterThreePromotions_StepsBackEachTime()
    {
        var registry = NewRegistry();
        foreach (var version in new[] { 1, 2, 3 })
        {
            await PushAsync(registry, TestModels.WithEntry(TestModels.FlightDelayBytes, "Notes.txt", [(byte)version]), "stepper");
            await registry.PromoteAsync("stepper", version, "production");
        }

        var first = await registry.RollbackAsync("stepper", "production");
        var second = await registry.RollbackAsync("stepper", "production");
        var error = await Assert.ThrowsAsync<BatchPredictException>(() => registry.RollbackAsync("stepper", "production"));

        Assert.Equal(2, first.Version);
        Assert.Equal(1, second.Version);
        Assert.Equal(5, second.History.Count);
        Assert.Contains("cannot be rolled back", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushAsync_ConcurrentPushesOfOneName_AllocateDistinctVersions()
    {
        var registry = NewRegistry();

        var pushed = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => PushAsync(registry, TestModels.FlightDelayBytes, "racer"))));

        Assert.Equal([1, 2, 3, 4, 5, 6], pushed.Select(v => v.Version).Order());
        Assert.Equal(6, (await registry.ListAsync("racer")).Count);
    }

    [Fact]
    public async Task ResolveAsync_MissingVersionAliasOrModel_ThrowsNamingThem()
    {
        var registry = NewRegistry();
        await PushAsync(registry, TestModels.FlightDelayBytes, "present", alias: "staging");

        var version = await Assert.ThrowsAsync<BatchPredictException>(() => registry.ResolveAsync(ModelReference.Parse("present:9")));
        var alias = await Assert.ThrowsAsync<BatchPredictException>(() => registry.ResolveAsync(ModelReference.Parse("present@production")));
        var model = await Assert.ThrowsAsync<BatchPredictException>(() => registry.ResolveAsync(ModelReference.Parse("absent:1")));

        Assert.Equal("Model present has no version 9 (it has versions 1).", version.Message);
        Assert.Contains("Model present has no alias 'production' (its aliases are staging)", alias.Message, StringComparison.Ordinal);
        Assert.Contains("no model named 'absent'", model.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAsync_AliasPointsAtVersion_RefusedUntilMoved()
    {
        var registry = NewRegistry();
        var v1 = await PushAsync(registry, TestModels.FlightDelayBytes, "deletable", alias: "production");
        await PushAsync(registry, TestModels.FlightDelayBytes, "deletable");

        var refused = await Assert.ThrowsAsync<BatchPredictException>(() => registry.DeleteAsync("deletable", 1));
        await registry.PromoteAsync("deletable", 2, "production");
        await registry.DeleteAsync("deletable", 1);
        var gone = await Assert.ThrowsAsync<BatchPredictException>(() => registry.GetAsync("deletable", 1));

        Assert.Contains("deletable@production points at it", refused.Message, StringComparison.Ordinal);
        Assert.Equal([2], (await registry.ListAsync("deletable")).Select(v => v.Version));
        Assert.Contains("has no version 1", gone.Message, StringComparison.Ordinal);
        Assert.False(await GridFsFileExistsAsync(v1.GridFsId));
    }

    [Fact]
    public async Task PushAsync_Pickle_RefusedAndNothingStored()
    {
        var registry = NewRegistry();

        var error = await Assert.ThrowsAsync<BatchPredictException>(() => registry.PushAsync(
            new MemoryStream([0x80, 0x04, 0x95, 0x00]), new ModelPushRequest("pickled", SourceName: "model.pkl")));

        Assert.StartsWith("Refused 'model.pkl' as a version of pickled: it is a Python pickle", error.Message, StringComparison.Ordinal);
        Assert.Empty(await registry.ListAsync("pickled"));
    }

    private Task<bool> GridFsFileExistsAsync(MongoDB.Bson.ObjectId id) =>
        Database.GetCollection<MongoDB.Bson.BsonDocument>("bp_models.files")
            .Find(new MongoDB.Bson.BsonDocument("_id", id)).AnyAsync();
}
