using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>$type: the value is one of the listed BSON types ("number" meaning any numeric type).</summary>
internal sealed class TypeMatcher : ValueMatcher
{
    private readonly HashSet<BsonType> _types = [];
    private readonly bool _anyNumber;

    public TypeMatcher(BsonValue spec)
    {
        var aliases = spec is BsonArray array ? array.Values : [spec];
        foreach (var alias in aliases)
        {
            var type = BsonTypeAliases.Parse(alias);
            if (type is null)
            {
                _anyNumber = true;
            }
            else
            {
                _types.Add(type.Value);
            }
        }
    }

    public override bool Matches(BsonValue? value, ref int position) =>
        value is not null && (_types.Contains(value.BsonType) || (_anyNumber && BsonValueOrder.IsNumber(value)));
}
