using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Update;

/// <summary>The place an operator writes to: a field of a document or an element of an array (both already owned copies).</summary>
internal readonly struct FieldSlot
{
    private readonly BsonDocument? _document;
    private readonly BsonArray? _array;
    private readonly string _name;
    private readonly int _index;

    public FieldSlot(BsonDocument document, string name, string path)
    {
        _document = document;
        _name = name;
        _index = -1;
        Path = path;
    }

    public FieldSlot(BsonArray array, int index, string path)
    {
        _array = array;
        _name = string.Empty;
        _index = index;
        Path = path;
    }

    /// <summary>The update path as written, for error messages.</summary>
    public string Path { get; }

    public BsonValue? Value =>
        _document is not null
            ? _document.TryGetValue(_name, out var v) ? v : null
            : _index < _array!.Count ? _array[_index] : null;

    public void Set(BsonValue value)
    {
        if (_document is not null)
        {
            _document.Set(_name, value);
            return;
        }

        // Writing past the end pads the array with nulls, as MongoDB does.
        while (_array!.Count <= _index)
        {
            _array.Add(BsonNull.Value);
        }

        _array[_index] = value;
    }

    /// <summary>Removes a field; an array element is set to null instead so the other indexes stay put.</summary>
    public void Remove()
    {
        if (_document is not null)
        {
            _document.Remove(_name);
        }
        else if (_index < _array!.Count)
        {
            _array[_index] = BsonNull.Value;
        }
    }
}
