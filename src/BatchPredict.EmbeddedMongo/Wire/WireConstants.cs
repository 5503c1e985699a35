namespace BatchPredict.EmbeddedMongo.Wire;

/// <summary>Op codes and limits of the MongoDB wire protocol that the server speaks.</summary>
internal static class WireConstants
{
    public const int OpReply = 1;
    public const int OpQuery = 2004;
    public const int OpCompressed = 2012;
    public const int OpMsg = 2013;

    public const int HeaderSize = 16;

    /// <summary>OP_MSG flag: a CRC-32C follows the sections (accepted and skipped: TCP on loopback already checks).</summary>
    public const uint ChecksumPresent = 1;

    /// <summary>OP_MSG flag: the client expects no reply (unacknowledged write).</summary>
    public const uint MoreToCome = 2;

    public const int MaxBsonObjectSize = 16 * 1024 * 1024;
    public const int MaxMessageSizeBytes = 48_000_000;
    public const int MaxWriteBatchSize = 100_000;
}
