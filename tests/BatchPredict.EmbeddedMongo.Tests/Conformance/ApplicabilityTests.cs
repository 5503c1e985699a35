using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>Which spec tests the runner counts as applicable to a standalone 6.0 server, and under which reason it skips the rest.</summary>
public sealed class ApplicabilityTests
{
    private static readonly Version Server = new(6, 0, 0);

    [Theory]
    [InlineData("[{ minServerVersion: '4.4' }]")]
    [InlineData("[{ minServerVersion: '6.0' }]")]
    [InlineData("[{ maxServerVersion: '6.0.99' }]")]
    [InlineData("[{ minServerVersion: '8.0' }, { topologies: ['single'] }]")]
    [InlineData("[{ serverless: 'forbid', topologies: ['single', 'replicaset'] }]")]
    public void Reason_RequirementsMet_Applicable(string requirements)
    {
        Assert.Null(Applicability.Reason(File(), Test(requirements), Server));
    }

    [Theory]
    [InlineData("[{ minServerVersion: '8.0' }]", "minServerVersion above the server's version")]
    [InlineData("[{ minServerVersion: '6.0.1' }]", "minServerVersion above the server's version")]
    [InlineData("[{ maxServerVersion: '4.99' }]", "maxServerVersion below the server's version")]
    [InlineData("[{ topologies: ['replicaset', 'sharded'] }]", "topology other than standalone (replica set, sharded, load balanced)")]
    [InlineData("[{ serverless: 'require' }]", "serverless required")]
    [InlineData("[{ auth: true }]", "authentication required")]
    public void Reason_RequirementsUnmet_NamesClass(string requirements, string expected)
    {
        Assert.Equal(expected, Applicability.Reason(File(), Test(requirements), Server));
    }

    [Theory]
    [InlineData("{ name: 'find', object: 'c', arguments: { filter: {}, collation: { locale: 'fr' } } }", "collation (not claimed by the server)")]
    [InlineData("{ name: 'bulkWrite', object: 'c', arguments: { requests: [{ deleteOne: { filter: {}, collation: { locale: 'fr' } } }] } }", "collation (not claimed by the server)")]
    [InlineData("{ name: 'aggregate', object: 'c', arguments: { pipeline: [{ $merge: { into: 'x' } }] } }", "aggregation stage $merge (not claimed by the server)")]
    [InlineData("{ name: 'failPoint', object: 'testRunner', arguments: { } }", "failPoint (fault injection not claimed by the server)")]
    public void Reason_UnclaimedFeature_NotApplicable(string operation, string expected)
    {
        var test = new BsonDocument { { "description", "t" }, { "operations", new BsonArray { BsonDocument.Parse(operation) } } };

        Assert.Equal(expected, Applicability.Reason(File(), test, Server));
    }

    [Fact]
    public void Reason_FileRequirementUnmet_WinsOverTest()
    {
        var file = File();
        file["runOnRequirements"] = BsonDocument.Parse("{ r: [{ csfle: true }] }")["r"];

        Assert.Equal("client-side field level encryption required", Applicability.Reason(file, Test("[{ minServerVersion: '8.0' }]"), Server));
    }

    private static BsonDocument File() => new() { { "description", "file" }, { "createEntities", new BsonArray() } };

    private static BsonDocument Test(string requirements) => new()
    {
        { "description", "t" },
        { "runOnRequirements", BsonDocument.Parse($"{{ r: {requirements} }}")["r"] },
        { "operations", new BsonArray { BsonDocument.Parse("{ name: 'find', object: 'c', arguments: { filter: {} } }") } },
    };
}
