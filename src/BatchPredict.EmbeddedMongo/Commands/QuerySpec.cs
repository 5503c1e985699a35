using BatchPredict.EmbeddedMongo.Query;
using BatchPredict.EmbeddedMongo.Storage;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>A compiled query (filter, sort, projection, skip) and how to run it against a collection.</summary>
internal sealed class QuerySpec
{
    private readonly FilterContext _filterContext;
    private Filter? _filter;

    private QuerySpec(BsonDocument filterDocument, FilterContext filterContext, BsonDocument? sortDocument, Projection? projection, long skip)
    {
        FilterDocument = filterDocument;
        _filterContext = filterContext;
        Projection = projection;
        Skip = skip;
        if (sortDocument is { ElementCount: > 0 })
        {
            if (sortDocument.GetElement(0).Name == "$natural")
            {
                NaturalDescending = sortDocument[0].ToDouble() < 0;
            }
            else
            {
                Sort = SortSpec.Compile(sortDocument);
            }
        }
    }

    public BsonDocument FilterDocument { get; }

    /// <summary>Compiled on first use: a write by plain _id never needs it.</summary>
    public Filter Filter => _filter ??= Filter.Compile(FilterDocument, _filterContext);

    public SortSpec? Sort { get; }

    public bool NaturalDescending { get; }

    public Projection? Projection { get; }

    public long Skip { get; }

    public bool IsEmpty => FilterDocument.ElementCount == 0;

    public static QuerySpec From(CommandContext context, string filterField)
    {
        var filter = context.OptionalDocument(filterField) ?? [];
        var projection = context.OptionalDocument("projection") ?? context.OptionalDocument("fields");
        var skip = context.OptionalInt64("skip", 0);
        if (skip < 0)
        {
            throw MongoCommandError.BadValue("skip value must be non-negative");
        }

        var spec = new QuerySpec(filter, context.FilterContext, context.OptionalDocument("sort"),
            projection is { ElementCount: > 0 } ? Projection.Compile(projection) : null, skip);
        // A bad filter is an error even when the collection turns out not to exist.
        _ = spec.Filter;
        return spec;
    }

    public static QuerySpec For(BsonDocument filter, BsonDocument? sort, CommandContext context) =>
        new(filter, context.FilterContext, sort, null, 0);

    /// <summary>The documents to hand out: filtered, sorted, skipped, limited (0 = no limit) and projected.</summary>
    public IDocumentStream Open(CollectionStore store, long limit)
    {
        var sorted = true;
        var needed = limit > 0 ? limit + Math.Min(Skip, long.MaxValue - limit) : 0;
        var source = NaturalDescending ? new NaturalSource(store, descending: true) : QueryPlanner.Plan(store, Filter, Sort, out sorted, needed);
        if (Sort is null || sorted)
        {
            return new FilteredStream(source, IsEmpty ? null : Filter, Skip, limit, Projection);
        }

        // With no filter and no projection nothing needs the decoded document: the sort keys are read from the stored
        // bytes, which costs about a quarter of a full decode (measured by the benchmark `sort`).
        var candidates = IsEmpty && Projection is null
            ? source.Resume().Select(r => (Record: r, Document: (BsonDocument)new RawBsonDocument(r.Bson)))
            : MatchesIn(source);
        var matches = Sort.Order(candidates, m => m.Document).Skip((int)Math.Min(Skip, int.MaxValue));
        if (limit > 0)
        {
            matches = matches.Take((int)Math.Min(limit, int.MaxValue));
        }

        // Without a projection the stored bytes are sent as they are, as FilteredStream does, instead of re-encoding.
        return new ListStream([.. matches.Select(m => Projection is null ? new RawBsonDocument(m.Record.Bson) : Projection.Apply(m.Document))]);
    }

    /// <summary>Matching records with their decoded documents, in plan order (no sort, skip or limit).</summary>
    public IEnumerable<(Record Record, BsonDocument Document)> Matches(CollectionStore store) =>
        MatchesIn(NaturalDescending ? new NaturalSource(store, true) : QueryPlanner.Plan(store, Filter, Sort, out _));

    /// <summary>Matching records in the order of the sort (sorted in memory unless an index gives the order).</summary>
    public IEnumerable<(Record Record, BsonDocument Document)> SortedMatches(CollectionStore store)
    {
        if (NaturalDescending)
        {
            return MatchesIn(new NaturalSource(store, true));
        }

        var source = QueryPlanner.Plan(store, Filter, Sort, out var sorted);
        var matches = MatchesIn(source);
        return sorted || Sort is null ? matches : Sort.Order(matches, m => m.Document);
    }

    private IEnumerable<(Record Record, BsonDocument Document)> MatchesIn(RecordSource source)
    {
        foreach (var record in source.Resume())
        {
            var document = CollectionStore.Decode(record.Bson);
            if (Filter.Matches(document))
            {
                yield return (record, document);
            }
        }
    }

    /// <summary>{_id: value} with a plain value (not an operator document, array or regex): answered by one _id probe.</summary>
    public static bool IsIdEquality(BsonDocument filter, out BsonValue id)
    {
        id = BsonNull.Value;
        if (filter.ElementCount != 1 || filter.GetElement(0).Name != "_id")
        {
            return false;
        }

        id = filter[0];
        return id.BsonType is not (BsonType.Document or BsonType.Array or BsonType.RegularExpression or BsonType.Null or BsonType.Undefined
            or BsonType.MinKey or BsonType.MaxKey);
    }

    /// <summary>A hint must name an existing index (by name or key pattern); it never changes results here.</summary>
    public static void CheckHint(CollectionStore store, BsonDocument body)
    {
        if (!body.TryGetValue("hint", out var hint) || hint.IsBsonNull || (hint is BsonDocument { ElementCount: 0 }))
        {
            return;
        }

        var found = hint switch
        {
            BsonString name => store.Indexes.Any(i => i.Definition.Name == name.Value),
            BsonDocument { ElementCount: 1 } natural when natural.GetElement(0).Name == "$natural" => true,
            BsonDocument key => store.Indexes.Any(i => i.Definition.Key.Equals(key)),
            _ => false,
        };
        if (!found)
        {
            throw MongoCommandError.BadValue("error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index");
        }
    }
}
