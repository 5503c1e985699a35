using MongoDB.Bson;
using MongoDB.Driver.GridFS;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>The operations of a GridFS bucket entity. Downloads come back as binary data for <c>$$matchesHexBytes</c>.</summary>
internal static class GridFsOperations
{
    public static async Task<BsonValue> RunAsync(GridFSBucket bucket, string name, OperationArguments args, CancellationToken ct)
    {
        switch (name)
        {
            case "upload":
                var filename = args.String("filename");
                var bytes = Convert.FromHexString(args.Document("source")["$$hexBytes"].AsString);
                var options = new GridFSUploadOptions { ChunkSizeBytes = args.Int("chunkSizeBytes"), Metadata = args.OptionalDocument("metadata") };

                // Driver 3 never computes MD5, which is what disableMD5 asks for.
                args.Bool("disableMD5");
                args.EnsureAllRead();
                return await bucket.UploadFromBytesAsync(filename, bytes, options, ct);
            case "download":
                var id = args.Required("id").AsObjectId;
                args.EnsureAllRead();
                return new BsonBinaryData(await bucket.DownloadAsBytesAsync(id, cancellationToken: ct));
            case "downloadByName":
                var byName = args.String("filename");
                var revision = new GridFSDownloadByNameOptions { Revision = args.Int("revision") ?? -1 };
                args.EnsureAllRead();
                return new BsonBinaryData(await bucket.DownloadAsBytesByNameAsync(byName, revision, ct));
            case "delete":
                var deleteId = args.Required("id").AsObjectId;
                args.EnsureAllRead();
                await bucket.DeleteAsync(deleteId, ct);
                return BsonNull.Value;
            case "rename":
                var renameId = args.Required("id").AsObjectId;
                var newFilename = args.String("newFilename");
                args.EnsureAllRead();
                await bucket.RenameAsync(renameId, newFilename, ct);
                return BsonNull.Value;
            default:
                // deleteByName and renameByName land here: the .NET driver has no such methods.
                throw new NotApplicableException($"runner does not implement bucket.{name} (no such method in the .NET driver)");
        }
    }
}
