using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>
/// The arguments of one operation (a deep copy, because the driver adds <c>_id</c> to documents it inserts). Every
/// argument read is marked; <see cref="EnsureAllRead"/> then makes a test that passes an argument this runner does not
/// translate not applicable, naming it, instead of running it with the argument silently dropped.
/// </summary>
internal sealed class OperationArguments(string operation, BsonDocument? arguments)
{
    private readonly BsonDocument _arguments = (BsonDocument?)arguments?.DeepClone() ?? [];
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public string Operation { get; } = operation;

    public BsonValue? Optional(string name)
    {
        _read.Add(name);
        return _arguments.TryGetValue(name, out var value) ? value : null;
    }

    public BsonValue Required(string name) =>
        Optional(name) ?? throw new SpecMismatchException($"{Operation} needs the argument '{name}'");

    public BsonDocument Document(string name) => Required(name).AsBsonDocument;

    public BsonDocument? OptionalDocument(string name) => Optional(name)?.AsBsonDocument;

    public string String(string name) => Required(name).AsString;

    public bool? Bool(string name) => Optional(name)?.ToBoolean();

    public int? Int(string name) => Optional(name)?.ToInt32();

    public long? Long(string name) => Optional(name)?.ToInt64();

    public TimeSpan? Milliseconds(string name) => Optional(name) is { } value ? TimeSpan.FromMilliseconds(value.ToDouble()) : null;

    public FilterDefinition<BsonDocument> Filter(string name = "filter") =>
        new BsonDocumentFilterDefinition<BsonDocument>(OptionalDocument(name) ?? []);

    public SortDefinition<BsonDocument>? Sort() =>
        OptionalDocument("sort") is { } sort ? new BsonDocumentSortDefinition<BsonDocument>(sort) : null;

    public ProjectionDefinition<BsonDocument, BsonDocument>? Projection() =>
        OptionalDocument("projection") is { } projection ? new BsonDocumentProjectionDefinition<BsonDocument, BsonDocument>(projection) : null;

    public IEnumerable<ArrayFilterDefinition>? ArrayFilters() =>
        Optional("arrayFilters")?.AsBsonArray.Select(f => (ArrayFilterDefinition)new BsonDocumentArrayFilterDefinition<BsonDocument>(f.AsBsonDocument)).ToList();

    /// <summary>An update given as an operator document or as an aggregation pipeline (an array of stages).</summary>
    public UpdateDefinition<BsonDocument> Update() => Required("update") switch
    {
        BsonArray stages => new PipelineUpdateDefinition<BsonDocument>(
            new BsonDocumentStagePipelineDefinition<BsonDocument, BsonDocument>(stages.Select(s => s.AsBsonDocument))),
        var document => new BsonDocumentUpdateDefinition<BsonDocument>(document.AsBsonDocument),
    };

    public void EnsureAllRead()
    {
        var unread = _arguments.Names.Where(name => !_read.Contains(name)).ToList();
        if (unread.Count > 0)
        {
            throw new NotApplicableException($"runner does not translate {Operation} argument {string.Join(", ", unread)}");
        }
    }
}
