using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>Compiles a query document into a tree of matchers, raising MongoDB's errors for malformed operators.</summary>
internal sealed class FilterParser(FilterContext? context)
{
    public FilterContext? Context { get; } = context;

    public DocumentMatcher ParseDocument(BsonDocument filter)
    {
        var matchers = new List<DocumentMatcher>(filter.ElementCount);
        for (var i = 0; i < filter.ElementCount; i++)
        {
            var element = filter.GetElement(i);
            if (element.Name.StartsWith('$'))
            {
                var matcher = ParseTopLevel(element.Name, element.Value);
                if (matcher is not null)
                {
                    matchers.Add(matcher);
                }
            }
            else
            {
                matchers.Add(ParseField(new FieldPath(element.Name), element.Value));
            }
        }

        return matchers.Count switch
        {
            0 => MatchAll.Instance,
            1 => matchers[0],
            _ => new AndMatcher([.. matchers]),
        };
    }

    public static bool IsOperatorDocument(BsonValue value) =>
        value is BsonDocument d && d.ElementCount > 0 && d.GetElement(0).Name.StartsWith('$') && d.GetElement(0).Name is not ("$ref" or "$id" or "$db");

    private DocumentMatcher? ParseTopLevel(string name, BsonValue value)
    {
        switch (name)
        {
            case "$and":
                return new AndMatcher(ParseClauses(name, value));
            case "$or":
                return new OrMatcher(ParseClauses(name, value));
            case "$nor":
                return new NotMatcher(new OrMatcher(ParseClauses(name, value)));
            case "$comment":
                return null;
            case "$expr":
                return new ExprMatcher(value, Context);
            case "$where":
                throw MongoCommandError.NotSupported("$where (server-side JavaScript)");
            case "$text" or "$jsonSchema" or "$sampleRate" or "$alwaysTrue" or "$alwaysFalse":
                throw MongoCommandError.NotSupported(name);
            default:
                throw MongoCommandError.BadValue($"unknown top level operator: {name}. If you have a field name that starts with a '$' symbol, consider using $getField or $setField.");
        }
    }

    private DocumentMatcher[] ParseClauses(string name, BsonValue value)
    {
        if (value is not BsonArray array || array.Count == 0)
        {
            throw MongoCommandError.BadValue($"{name} must be a nonempty array");
        }

        var clauses = new DocumentMatcher[array.Count];
        for (var i = 0; i < array.Count; i++)
        {
            clauses[i] = array[i] is BsonDocument clause
                ? ParseDocument(clause)
                : throw MongoCommandError.BadValue($"{name} argument's entries must be objects");
        }

        return clauses;
    }

    private DocumentMatcher ParseField(FieldPath path, BsonValue value)
    {
        if (IsOperatorDocument(value))
        {
            var conditions = ParseOperators(value.AsBsonDocument, path.Dotted);
            return conditions.Count == 1 ? conditions[0].BindToPath(path) : new AndMatcher([.. conditions.Select(c => c.BindToPath(path))]);
        }

        return new PathMatcher(path, value.BsonType == BsonType.RegularExpression ? new RegexMatcher(value.AsBsonRegularExpression) : new EqualsMatcher(value));
    }

    /// <summary>Parses <c>{ $gt: 1, $lt: 5, ... }</c>; each entry is its own condition (AND-ed by the caller).</summary>
    public List<OperatorCondition> ParseOperators(BsonDocument operators, string field) =>
        new FieldOperatorParser(this, field).Parse(operators);

    /// <summary>$elemMatch's argument: operator conditions on the element, or a query on element documents.</summary>
    public ValueMatcher ParseElemMatch(BsonValue value)
    {
        if (value is not BsonDocument spec)
        {
            throw MongoCommandError.BadValue("$elemMatch needs an Object");
        }

        if (IsOperatorDocument(spec) && spec.GetElement(0).Name is not ("$and" or "$or" or "$nor" or "$expr" or "$where" or "$comment"))
        {
            return new ElemMatchMatcher([.. ParseOperators(spec, "$elemMatch").Select(c => c.BindToValue())]);
        }

        return new ElemMatchMatcher(ParseDocument(spec));
    }
}
