using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Storage;

/// <summary>
/// The index keys of a document, as MongoDB derives them: a dotted path that crosses arrays yields one key per element
/// (multikey); a missing field is indexed as null; compound keys are the product of their fields' keys.
/// </summary>
internal static class IndexKeys
{
    public static List<BsonValue[]> For(BsonDocument document, IndexDefinition index, out bool multikey, out bool allMissing)
    {
        multikey = false;
        allMissing = true;
        var keys = new List<BsonValue[]> { new BsonValue[index.Fields.Length] };
        for (var f = 0; f < index.Fields.Length; f++)
        {
            var values = new List<BsonValue>();
            Collect(document, index.Fields[f].Split('.'), 0, values);
            if (values.Count == 0)
            {
                values.Add(BsonNull.Value);
            }
            else
            {
                allMissing = false;
            }

            if (values.Count > 1)
            {
                multikey = true;
                var expanded = new List<BsonValue[]>(keys.Count * values.Count);
                foreach (var key in keys)
                {
                    foreach (var value in values)
                    {
                        var copy = (BsonValue[])key.Clone();
                        copy[f] = value;
                        expanded.Add(copy);
                    }
                }

                keys = expanded;
            }
            else
            {
                foreach (var key in keys)
                {
                    key[f] = values[0];
                }
            }
        }

        return keys;
    }

    private static void Collect(BsonValue current, string[] path, int depth, List<BsonValue> into)
    {
        if (depth == path.Length)
        {
            if (current is BsonArray leafArray)
            {
                if (leafArray.Count == 0)
                {
                    into.Add(BsonUndefined.Value);
                }

                into.AddRange(leafArray.Distinct());
            }
            else
            {
                into.Add(current);
            }

            return;
        }

        switch (current)
        {
            case BsonDocument document when document.TryGetValue(path[depth], out var child):
                Collect(child, path, depth + 1, into);
                break;
            case BsonArray array when int.TryParse(path[depth], out var position):
                if (position < array.Count)
                {
                    Collect(array[position], path, depth + 1, into);
                }

                break;
            case BsonArray array:
                foreach (var element in array)
                {
                    if (element is BsonDocument)
                    {
                        Collect(element, path, depth, into);
                    }
                }

                break;
        }
    }
}
