using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace BatchPredict.Core.Models;

/// <summary>A document of <c>bp_model_versions</c>; immutable once inserted.</summary>
internal sealed class ModelVersionDocument
{
    [BsonId]
    public ObjectId Id { get; set; }

    [BsonElement("name")]
    public string Name { get; set; } = "";

    [BsonElement("version")]
    public int Version { get; set; }

    [BsonElement("sha256")]
    public string Sha256 { get; set; } = "";

    [BsonElement("size")]
    public long Size { get; set; }

    [BsonElement("format")]
    public string Format { get; set; } = "";

    [BsonElement("inputSchema")]
    public List<SchemaColumnDocument> InputSchema { get; set; } = [];

    [BsonElement("outputSchema")]
    public List<SchemaColumnDocument> OutputSchema { get; set; } = [];

    [BsonElement("metrics")]
    public Dictionary<string, double> Metrics { get; set; } = [];

    [BsonElement("tags")]
    public Dictionary<string, string> Tags { get; set; } = [];

    [BsonElement("description")]
    [BsonIgnoreIfNull]
    public string? Description { get; set; }

    [BsonElement("gridFsId")]
    public ObjectId GridFsId { get; set; }

    [BsonElement("createdAt")]
    [BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime CreatedAt { get; set; }

    public ModelVersionInfo ToInfo() => new(
        Name, Version, Sha256, Size, Format,
        InputSchema.Select(c => c.ToColumn()).ToList(),
        OutputSchema.Select(c => c.ToColumn()).ToList(),
        Metrics, Tags, Description, new DateTimeOffset(CreatedAt, TimeSpan.Zero), GridFsId);
}

internal sealed class SchemaColumnDocument
{
    [BsonElement("name")]
    public string Name { get; set; } = "";

    [BsonElement("type")]
    public string Type { get; set; } = "";

    public static SchemaColumnDocument From(SchemaColumn column) => new() { Name = column.Name, Type = column.Type };

    public SchemaColumn ToColumn() => new(Name, Type);
}

/// <summary>A document of <c>bp_model_aliases</c>: where the alias points now and every step it took to get there.</summary>
internal sealed class ModelAliasDocument
{
    [BsonId]
    public ObjectId Id { get; set; }

    [BsonElement("name")]
    public string Name { get; set; } = "";

    [BsonElement("alias")]
    public string Alias { get; set; } = "";

    [BsonElement("version")]
    public int Version { get; set; }

    [BsonElement("history")]
    public List<AliasHistoryDocument> History { get; set; } = [];

    public ModelAliasInfo ToInfo() => new(Name, Alias, Version, History.Select(h => h.ToEntry()).ToList());
}

internal sealed class AliasHistoryDocument
{
    [BsonElement("version")]
    public int Version { get; set; }

    [BsonElement("at")]
    [BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime At { get; set; }

    [BsonElement("action")]
    public string Action { get; set; } = AliasHistoryEntry.Promote;

    public AliasHistoryEntry ToEntry() => new(Version, new DateTimeOffset(At, TimeSpan.Zero), Action);
}
