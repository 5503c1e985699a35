using MongoDB.Bson;

namespace BatchPredict.EmbeddedMongo.Commands;

/// <summary>
/// Accepts lsid + txnNumber on writes: the reply of the latest transaction number of each session is kept, so a
/// client that retries the same write (same lsid and txnNumber) gets the first reply instead of a second change.
/// The official driver sends no txnNumber to a standalone, so for it this is never used; other clients may send one.
/// </summary>
internal sealed class RetryableWrites
{
    private const int MaxSessions = 10_000;
    private readonly Dictionary<BsonValue, (long TxnNumber, BsonDocument Reply)> _last = [];

    public BsonDocument? Find(BsonDocument command)
    {
        if (!TryKey(command, out var session, out var txn))
        {
            return null;
        }

        lock (_last)
        {
            return _last.TryGetValue(session, out var entry) && entry.TxnNumber == txn ? entry.Reply : null;
        }
    }

    public void Remember(BsonDocument command, BsonDocument reply)
    {
        if (!TryKey(command, out var session, out var txn))
        {
            return;
        }

        lock (_last)
        {
            if (_last.Count >= MaxSessions && !_last.ContainsKey(session))
            {
                _last.Clear();
            }

            _last[session] = (txn, reply);
        }
    }

    private static bool TryKey(BsonDocument command, out BsonValue session, out long txn)
    {
        session = BsonNull.Value;
        txn = 0;
        if (!command.TryGetValue("txnNumber", out var number) || !command.TryGetValue("lsid", out var lsid) || lsid is not BsonDocument id)
        {
            return false;
        }

        session = id.GetValue("id", BsonNull.Value);
        txn = number.ToInt64();
        return true;
    }
}
