using System.Net;
using System.Reflection;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Connections;
using MongoDB.Driver.Core.Servers;

namespace BatchPredict.Core.Tests.Import;

/// <summary>
/// A database whose collections lose the connection right after their first InsertMany reached the server: the case
/// a retry must handle without inserting twice or reporting the re-sent documents as duplicates.
/// </summary>
public class FlakyInsertsDatabase : DispatchProxy
{
    private IMongoDatabase _target = null!;

    public int InsertCalls { get; private set; }

    public static (IMongoDatabase Database, FlakyInsertsDatabase Flaky) Wrap(IMongoDatabase target)
    {
        var database = Create<IMongoDatabase, FlakyInsertsDatabase>();
        var flaky = (FlakyInsertsDatabase)(object)database;
        flaky._target = target;
        return (database, flaky);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var result = targetMethod!.Invoke(_target, args);
        if (result is IMongoCollection<BsonDocument> collection)
        {
            var proxy = Create<IMongoCollection<BsonDocument>, FlakyCollection>();
            ((FlakyCollection)(object)proxy).Init(collection, this);
            return proxy;
        }

        return result;
    }

    public class FlakyCollection : DispatchProxy
    {
        private static readonly ConnectionId Connection = new(new ServerId(new ClusterId(), new DnsEndPoint("127.0.0.1", 27017)));
        private IMongoCollection<BsonDocument> _target = null!;
        private FlakyInsertsDatabase _owner = null!;

        internal void Init(IMongoCollection<BsonDocument> target, FlakyInsertsDatabase owner) => (_target, _owner) = (target, owner);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var result = targetMethod!.Invoke(_target, args);
            if (targetMethod.Name != nameof(IMongoCollection<BsonDocument>.InsertManyAsync))
            {
                return result;
            }

            _owner.InsertCalls++;
            return _owner.InsertCalls == 1 ? LoseConnectionAfterAsync((Task)result!) : result;
        }

        private static async Task LoseConnectionAfterAsync(Task insert)
        {
            await insert;
            throw new MongoConnectionException(Connection, "connection reset after the write reached the server");
        }
    }
}
