namespace BatchPredict.EmbeddedMongo.Storage;

/// <summary>
/// One stored document: its raw BSON bytes (decoded only when a filter, update or index needs the values) and the
/// record id that fixes its natural (insertion) order. The byte array is never mutated: an update swaps in a new one,
/// so a cursor or snapshot holding the old array keeps a consistent image.
/// </summary>
internal sealed class Record(long id, byte[] bson)
{
    public long Id { get; } = id;

    public byte[] Bson { get; set; } = bson;

    public bool Deleted { get; set; }
}
