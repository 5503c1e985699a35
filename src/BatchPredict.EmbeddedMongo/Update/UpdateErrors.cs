using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Update;

/// <summary>The errors MongoDB raises for updates, with its codes and wording.</summary>
internal static class UpdateErrors
{
    public static MongoCommandError Conflict(string path, string conflictAt) =>
        new(ErrorCodes.ConflictingUpdateOperators, "ConflictingUpdateOperators", $"Updating the path '{path}' would create a conflict at '{conflictAt}'");

    public static MongoCommandError ImmutableId() =>
        new(ErrorCodes.ImmutableField, "ImmutableField", "Performing an update on the path '_id' would modify the immutable field '_id'");

    public static MongoCommandError ReplacementChangesId(BsonValue newId) =>
        new(ErrorCodes.ImmutableField, "ImmutableField", $"After applying the update, the (immutable) field '_id' was found to have been altered to _id: {newId}");

    public static MongoCommandError PathNotViable(string field, string parentName, BsonValue parent) =>
        new(ErrorCodes.PathNotViable, "PathNotViable", $"Cannot create field '{field}' in element {{{parentName}: {parent}}}");

    public static MongoCommandError UnknownModifier(string name) =>
        MongoCommandError.FailedToParse($"Unknown modifier: {name}. Expected a valid update modifier or pipeline-style update specified as an array");

    public static MongoCommandError NonNumeric(string op, string path, BsonValue value, BsonValue? id) =>
        MongoCommandError.TypeMismatch($"Cannot apply {op} to a value of non-numeric type. {{_id: {id ?? BsonNull.Value}}} has the field '{path}' of non-numeric type {Query.BsonTypeAliases.NameOf(value.BsonType)}");

    public static MongoCommandError NotAnArray(string op, string path, BsonValue value) =>
        MongoCommandError.BadValue($"The field '{path}' must be an array but is of type {Query.BsonTypeAliases.NameOf(value.BsonType)} in document; {op} needs an array");

    public static MongoCommandError PositionalNotFound() =>
        MongoCommandError.BadValue("The positional operator did not find the match needed from the query.");
}
