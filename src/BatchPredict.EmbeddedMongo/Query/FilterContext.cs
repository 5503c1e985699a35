using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>What a filter's $expr may refer to: the clock for $$NOW and the variables of a <c>let</c>.</summary>
public sealed record FilterContext(DateTime Now, IReadOnlyDictionary<string, BsonValue>? Variables = null);

/// <summary>
/// A condition on one path that every matching document satisfies: equality with one of <see cref="Values"/>, or a
/// range. Each condition alone narrows (a superset of the matches); ranges are merged into one condition only for
/// <c>_id</c>, which can never be an array, because bounds of one path may be met by different array elements.
/// </summary>
public sealed record PathCondition(string Path, IReadOnlyList<BsonValue>? Values, BsonValue? Lower, bool LowerInclusive, BsonValue? Upper, bool UpperInclusive);
