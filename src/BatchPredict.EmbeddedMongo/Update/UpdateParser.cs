using BatchPredict.EmbeddedMongo.Query;
using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Update;

/// <summary>Turns an operator update document into ordered actions, checking paths for conflicts as MongoDB does.</summary>
internal static class UpdateParser
{
    public static List<UpdateAction> Parse(BsonDocument update, ArrayFilterSet arrayFilters, List<RenameOperator> renames)
    {
        var actions = new List<UpdateAction>();
        foreach (var element in update)
        {
            if (!element.Name.StartsWith('$'))
            {
                throw UpdateErrors.UnknownModifier(element.Name);
            }

            if (element.Value is not BsonDocument fields)
            {
                throw MongoCommandError.FailedToParse($"Modifiers operate on fields but we found type {BsonTypeAliases.NameOf(element.Value.BsonType)} instead. For example: {{$mod: {{<field>: ...}}}} not {{{element.Name}: {element.Value}}}");
            }

            foreach (var field in fields)
            {
                ValidatePath(field.Name, arrayFilters);
                if (element.Name == "$rename")
                {
                    actions.AddRange(Rename(field.Name, field.Value, renames));
                }
                else
                {
                    actions.Add(new UpdateAction(element.Name, field.Name, field.Name.Split('.'), Create(element.Name, field.Value, field.Name)));
                }
            }
        }

        CheckConflicts(actions);
        CheckArrayFiltersUsed(actions, arrayFilters, update);

        // MongoDB 5.0+ applies fields in lexicographic order (numeric parts numerically), whatever the order written.
        actions.Sort((a, b) => ComparePaths(a.Parts, b.Parts));
        return actions;
    }

    private static UpdateOperator Create(string op, BsonValue argument, string path) => op switch
    {
        "$set" => new SetOperator(argument),
        "$unset" => UnsetOperator.Instance,
        "$setOnInsert" => new SetOnInsertOperator(argument),
        "$inc" or "$mul" => new ArithmeticOperator(op, argument, path),
        "$min" => new MinMaxOperator(argument, max: false),
        "$max" => new MinMaxOperator(argument, max: true),
        "$currentDate" => new CurrentDateOperator(argument, path),
        "$push" => new PushOperator(argument, path),
        "$addToSet" => new AddToSetOperator(argument),
        "$pop" => new PopOperator(argument),
        "$pull" => PullOperator.Pull(argument),
        "$pullAll" => PullOperator.PullAll(argument, path),
        "$bit" => throw MongoCommandError.NotSupported("update operator $bit"),
        _ => throw UpdateErrors.UnknownModifier(op),
    };

    private static UpdateAction[] Rename(string source, BsonValue target, List<RenameOperator> renames)
    {
        if (!target.IsString)
        {
            throw MongoCommandError.BadValue($"The 'to' field for $rename must be a string: {source}: {target}");
        }

        if (target.AsString == source)
        {
            throw MongoCommandError.BadValue($"The source and target field for $rename must differ: {source}: \"{target.AsString}\"");
        }

        if (source.Contains('$', StringComparison.Ordinal) || target.AsString.Contains('$', StringComparison.Ordinal))
        {
            throw MongoCommandError.BadValue($"The source and target field for $rename must not contain positional operators: {source}: \"{target.AsString}\"");
        }

        var rename = new RenameOperator(source.Split('.'));
        renames.Add(rename);
        return
        [
            new UpdateAction("$rename", source, source.Split('.'), rename.Source),
            new UpdateAction("$rename", target.AsString, target.AsString.Split('.'), rename.Target),
        ];
    }

    private static void ValidatePath(string path, ArrayFilterSet arrayFilters)
    {
        foreach (var part in path.Split('.'))
        {
            if (part.Length == 0)
            {
                throw new MongoCommandError(56, "EmptyFieldName", $"The update path '{path}' contains an empty field name, which is not allowed.");
            }

            if (part.StartsWith("$[", StringComparison.Ordinal) && part.EndsWith(']') && part.Length > 3 && !arrayFilters.Contains(part[2..^1]))
            {
                throw MongoCommandError.BadValue($"No array filter found for identifier '{part[2..^1]}' in path '{path}'");
            }
        }
    }

    private static void CheckConflicts(List<UpdateAction> actions)
    {
        for (var i = 0; i < actions.Count; i++)
        {
            for (var j = i + 1; j < actions.Count; j++)
            {
                var (a, b) = (actions[i].Parts, actions[j].Parts);
                var shared = Math.Min(a.Length, b.Length);
                if (a.AsSpan(0, shared).SequenceEqual(b.AsSpan(0, shared)))
                {
                    throw UpdateErrors.Conflict(actions[j].Path, string.Join('.', a.Take(shared)));
                }
            }
        }
    }

    private static void CheckArrayFiltersUsed(List<UpdateAction> actions, ArrayFilterSet arrayFilters, BsonDocument update)
    {
        foreach (var identifier in arrayFilters.Identifiers)
        {
            if (!actions.Any(a => a.Parts.Contains($"$[{identifier}]")))
            {
                throw MongoCommandError.FailedToParse($"The array filter for identifier '{identifier}' was not used in the update {update}");
            }
        }
    }

    private static int ComparePaths(string[] x, string[] y)
    {
        for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            var (ix, iy) = (FieldPath.ParseIndex(x[i]), FieldPath.ParseIndex(y[i]));
            var c = ix >= 0 && iy >= 0 ? ix.CompareTo(iy) : string.CompareOrdinal(x[i], y[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return x.Length.CompareTo(y.Length);
    }
}
