namespace BatchPredict.EmbeddedMongo.Query;

/// <summary>A dotted path split once at compile time; numeric parts are kept as array indexes too.</summary>
internal sealed class FieldPath
{
    public FieldPath(string dotted)
    {
        if (dotted.Length == 0)
        {
            throw MongoCommandError.BadValue("FieldPath cannot be constructed with empty string");
        }

        Dotted = dotted;
        Parts = dotted.Split('.');
        Indexes = new int[Parts.Length];
        for (var i = 0; i < Parts.Length; i++)
        {
            if (Parts[i].Length == 0)
            {
                throw MongoCommandError.BadValue($"FieldPath field names may not be empty strings: '{dotted}'");
            }

            Indexes[i] = ParseIndex(Parts[i]);
        }
    }

    public string Dotted { get; }

    public string[] Parts { get; }

    /// <summary>The part as an array index, or -1 when it is not a plain non-negative number.</summary>
    public int[] Indexes { get; }

    public int Length => Parts.Length;

    public static int ParseIndex(string part)
    {
        if (part.Length == 0 || part.Length > 9 || (part.Length > 1 && part[0] == '0'))
        {
            return -1;
        }

        var n = 0;
        foreach (var c in part)
        {
            if (c < '0' || c > '9')
            {
                return -1;
            }

            n = (n * 10) + (c - '0');
        }

        return n;
    }

    public override string ToString() => Dotted;
}
