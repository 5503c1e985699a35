using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>Parses the operators of one field condition (<c>{ $gte: 1, $in: [...] }</c>) into conditions.</summary>
internal sealed class FieldOperatorParser(FilterParser parser, string field)
{
    public List<OperatorCondition> Parse(BsonDocument operators)
    {
        var conditions = new List<OperatorCondition>(operators.ElementCount);
        BsonValue? regex = null;
        string? options = null;
        for (var i = 0; i < operators.ElementCount; i++)
        {
            var (name, value) = (operators.GetElement(i).Name, operators.GetElement(i).Value);
            switch (name)
            {
                case "$regex":
                    regex = value;
                    break;
                case "$options":
                    options = value.IsString ? value.AsString : throw MongoCommandError.BadValue("$options has to be a string");
                    break;
                default:
                    conditions.Add(ParseOne(name, value));
                    break;
            }
        }

        if (regex is not null || options is not null)
        {
            conditions.Add(new LeafCondition(new RegexMatcher(BuildRegex(regex, options))));
        }

        return conditions;
    }

    private OperatorCondition ParseOne(string name, BsonValue value)
    {
        switch (name)
        {
            case "$eq":
                return Leaf(new EqualsMatcher(value));
            case "$ne":
                return Negate(Leaf(new EqualsMatcher(value)));
            case "$gt":
                return Leaf(new RangeMatcher(ComparisonKind.GreaterThan, value));
            case "$gte":
                return Leaf(new RangeMatcher(ComparisonKind.GreaterOrEqual, value));
            case "$lt":
                return Leaf(new RangeMatcher(ComparisonKind.LessThan, value));
            case "$lte":
                return Leaf(new RangeMatcher(ComparisonKind.LessOrEqual, value));
            case "$in":
                return Leaf(new InMatcher(RequireArray(name, value)));
            case "$nin":
                return Negate(Leaf(new InMatcher(RequireArray(name, value))));
            case "$exists":
                return value.ToBoolean() ? Leaf(ExistsMatcher.Instance) : Negate(Leaf(ExistsMatcher.Instance));
            case "$type":
                return Leaf(new TypeMatcher(value));
            case "$not":
                return ParseNot(value);
            case "$all":
                return ParseAll(value);
            case "$elemMatch":
                return Leaf(parser.ParseElemMatch(value));
            case "$size":
                return Leaf(new SizeMatcher(ParseSize(value)));
            case "$mod":
                return Leaf(ParseMod(value));
            case "$near" or "$nearSphere" or "$geoWithin" or "$geoIntersects" or "$within"
                or "$bitsAllSet" or "$bitsAllClear" or "$bitsAnySet" or "$bitsAnyClear" or "$jsonSchema":
                throw MongoCommandError.NotSupported($"query operator {name}");
            default:
                throw MongoCommandError.BadValue($"unknown operator: {name}");
        }
    }

    private static LeafCondition Leaf(ValueMatcher matcher) => new(matcher);

    private static NegatedCondition Negate(OperatorCondition inner) => new([inner]);

    private static BsonArray RequireArray(string name, BsonValue value) =>
        value as BsonArray ?? throw MongoCommandError.BadValue($"{name} needs an array");

    private OperatorCondition ParseNot(BsonValue value)
    {
        if (value.BsonType == BsonType.RegularExpression)
        {
            return Negate(Leaf(new RegexMatcher(value.AsBsonRegularExpression)));
        }

        if (value is not BsonDocument spec)
        {
            throw MongoCommandError.BadValue("$not needs a regex or a document");
        }

        if (spec.ElementCount == 0)
        {
            throw MongoCommandError.BadValue("$not cannot be empty");
        }

        if (!FilterParser.IsOperatorDocument(spec))
        {
            throw MongoCommandError.BadValue($"unknown operator: {spec.GetElement(0).Name}");
        }

        return new NegatedCondition(parser.ParseOperators(spec, field));
    }

    private OperatorCondition ParseAll(BsonValue value)
    {
        var items = RequireArray("$all", value);
        if (items.Count == 0)
        {
            return Leaf(NeverMatcher.Instance);
        }

        var conditions = new List<OperatorCondition>(items.Count);
        foreach (var item in items)
        {
            if (item is BsonDocument d && d.ElementCount > 0 && d.GetElement(0).Name == "$elemMatch")
            {
                conditions.Add(Leaf(parser.ParseElemMatch(d.GetElement(0).Value)));
            }
            else if (FilterParser.IsOperatorDocument(item))
            {
                throw MongoCommandError.BadValue("no $ expressions in $all");
            }
            else
            {
                conditions.Add(Leaf(item.BsonType == BsonType.RegularExpression ? new RegexMatcher(item.AsBsonRegularExpression) : new EqualsMatcher(item)));
            }
        }

        return conditions.Count == 1 ? conditions[0] : new AllCondition(conditions);
    }

    private static int ParseSize(BsonValue value)
    {
        if (!BsonValueOrder.IsNumber(value))
        {
            throw MongoCommandError.BadValue("$size needs a number");
        }

        var d = NumericOrder.ToDouble(value);
        if (d != Math.Truncate(d))
        {
            throw MongoCommandError.BadValue("$size must be a whole number");
        }

        return d < 0 ? throw MongoCommandError.BadValue("$size may not be negative") : (int)Math.Min(d, int.MaxValue);
    }

    private static ModMatcher ParseMod(BsonValue value)
    {
        var args = value as BsonArray ?? throw MongoCommandError.BadValue("malformed mod, needs to be an array");
        if (args.Count < 2)
        {
            throw MongoCommandError.BadValue("malformed mod, not enough elements");
        }

        if (args.Count > 2)
        {
            throw MongoCommandError.BadValue("malformed mod, too many elements");
        }

        if (!BsonValueOrder.IsNumber(args[0]))
        {
            throw MongoCommandError.BadValue("malformed mod, divisor not a number");
        }

        if (!BsonValueOrder.IsNumber(args[1]))
        {
            throw MongoCommandError.BadValue("malformed mod, remainder not a number");
        }

        var divisor = (long)Math.Truncate(NumericOrder.ToDouble(args[0]));
        return divisor == 0
            ? throw MongoCommandError.BadValue("divisor cannot be 0")
            : new ModMatcher(divisor, (long)Math.Truncate(NumericOrder.ToDouble(args[1])));
    }

    private static BsonRegularExpression BuildRegex(BsonValue? regex, string? options)
    {
        if (regex is null)
        {
            throw MongoCommandError.BadValue("$options needs a $regex");
        }

        if (regex.BsonType == BsonType.RegularExpression)
        {
            var r = regex.AsBsonRegularExpression;
            if (options is not null && r.Options.Length > 0)
            {
                throw MongoCommandError.BadValue("options set in both $regex and $options");
            }

            return new BsonRegularExpression(r.Pattern, options ?? r.Options);
        }

        return regex.IsString
            ? new BsonRegularExpression(regex.AsString, options ?? string.Empty)
            : throw MongoCommandError.BadValue("$regex has to be a string");
    }
}

/// <summary>$all: each listed value is matched by the same path, independently.</summary>
internal sealed record AllCondition(IReadOnlyList<OperatorCondition> Parts) : OperatorCondition
{
    public override DocumentMatcher BindToPath(FieldPath path) => new AndMatcher([.. Parts.Select(p => p.BindToPath(path))]);

    public override ValueMatcher BindToValue() => new AndValueMatcher([.. Parts.Select(p => p.BindToValue())]);
}
