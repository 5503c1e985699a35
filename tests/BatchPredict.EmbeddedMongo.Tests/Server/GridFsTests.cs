using System.Security.Cryptography;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.GridFS;

namespace BatchPredict.EmbeddedMongo.Tests.Server;

public sealed class GridFsTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private GridFSBucket Bucket(string name) => new(fixture.Database, new GridFSBucketOptions { BucketName = name });

    [Fact]
    public async Task UploadDownload_20MegabyteFile_RoundTripsExactly()
    {
        var bucket = Bucket("big");
        var content = RandomNumberGenerator.GetBytes(20 * 1024 * 1024 + 17);

        var id = await bucket.UploadFromBytesAsync("model.zip", content);
        var downloaded = await bucket.DownloadAsBytesAsync(id);

        Assert.Equal(SHA256.HashData(content), SHA256.HashData(downloaded));
        Assert.Equal(content.Length, downloaded.Length);
    }

    [Fact]
    public async Task DownloadByName_Revisions_PicksRequestedRevision()
    {
        var bucket = Bucket("revisions");
        foreach (var version in new[] { "v1", "v2", "v3" })
        {
            await bucket.UploadFromBytesAsync("same.txt", System.Text.Encoding.UTF8.GetBytes(version));
        }

        string Read(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);
        Assert.Equal("v3", Read(await bucket.DownloadAsBytesByNameAsync("same.txt")));
        Assert.Equal("v1", Read(await bucket.DownloadAsBytesByNameAsync("same.txt", new GridFSDownloadByNameOptions { Revision = 0 })));
        Assert.Equal("v2", Read(await bucket.DownloadAsBytesByNameAsync("same.txt", new GridFSDownloadByNameOptions { Revision = -2 })));
    }

    [Fact]
    public async Task Find_ByMetadata_ReturnsMatchingFiles()
    {
        var bucket = Bucket("meta");
        await bucket.UploadFromBytesAsync("a", [1], new GridFSUploadOptions { Metadata = new BsonDocument("kind", "model") });
        await bucket.UploadFromBytesAsync("b", [2], new GridFSUploadOptions { Metadata = new BsonDocument("kind", "data") });

        var files = await (await bucket.FindAsync(Builders<GridFSFileInfo>.Filter.Eq("metadata.kind", "model"))).ToListAsync();

        Assert.Equal(["a"], files.Select(f => f.Filename));
        Assert.Equal(1, files[0].Length);
    }

    [Fact]
    public async Task Rename_File_ChangesFilename()
    {
        var bucket = Bucket("rename");
        var id = await bucket.UploadFromBytesAsync("old", [1, 2, 3]);

        await bucket.RenameAsync(id, "new");

        Assert.Equal([1, 2, 3], await bucket.DownloadAsBytesByNameAsync("new"));
        await Assert.ThrowsAsync<GridFSFileNotFoundException>(() => bucket.DownloadAsBytesByNameAsync("old"));
    }

    [Fact]
    public async Task Delete_File_RemovesFileAndChunks()
    {
        var bucket = Bucket("delete");
        var id = await bucket.UploadFromBytesAsync("gone", new byte[600 * 1024]);

        await bucket.DeleteAsync(id);

        await Assert.ThrowsAsync<GridFSFileNotFoundException>(() => bucket.DownloadAsBytesAsync(id));
        Assert.Equal(0, await fixture.Collection("delete.chunks").EstimatedDocumentCountAsync());
    }

    [Fact]
    public async Task Upload_FirstFile_CreatesBucketIndexes()
    {
        var bucket = Bucket("indexes");
        await bucket.UploadFromBytesAsync("x", [1]);

        var chunkIndexes = await (await fixture.Collection("indexes.chunks").Indexes.ListAsync()).ToListAsync();

        var filesIdN = chunkIndexes.Single(i => i["name"] == "files_id_1_n_1");
        Assert.True(filesIdN["unique"].ToBoolean());
    }

    [Fact]
    public async Task OpenDownloadStream_Seek_ReadsFromMiddle()
    {
        var bucket = Bucket("seek");
        var content = Enumerable.Range(0, 1_000_000).Select(i => (byte)(i % 251)).ToArray();
        var id = await bucket.UploadFromBytesAsync("s", content);

        await using var stream = await bucket.OpenDownloadStreamAsync(id, new GridFSDownloadOptions { Seekable = true });
        stream.Seek(700_000, SeekOrigin.Begin);
        var buffer = new byte[10];
        await stream.ReadExactlyAsync(buffer);

        Assert.Equal(content.AsSpan(700_000, 10).ToArray(), buffer);
    }
}
