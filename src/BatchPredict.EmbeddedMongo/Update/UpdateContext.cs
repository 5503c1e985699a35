namespace BatchPredict.EmbeddedMongo.Update;

/// <summary>
/// What an update needs besides the document: the clock ($currentDate), whether this is the insert of an upsert
/// ($setOnInsert) and the array index the query matched (the positional <c>$</c>).
/// </summary>
public sealed record UpdateContext(DateTime Now, bool IsUpsertInsert, int? PositionalIndex);
