using MongoDB.Bson;

namespace BatchPredict.Core.Import;

/// <summary>Collects documents and bad rows until a batch is full, then hands them over and starts afresh.</summary>
internal sealed class BatchBuilder(int batchSize, string unit)
{
    private List<BsonDocument> _documents = new(batchSize);
    private List<long> _numbers = new(batchSize);
    private List<BadRow> _badRows = [];

    public int Count => _documents.Count + _badRows.Count;

    public bool IsFull => Count >= batchSize;

    public void Add(BsonDocument document, long number)
    {
        _documents.Add(document);
        _numbers.Add(number);
    }

    public void AddBad(long number, string reason) => _badRows.Add(new BadRow(unit, number, reason));

    public ImportBatch Take()
    {
        var batch = new ImportBatch(_documents, _numbers, _badRows, unit);
        _documents = new(batchSize);
        _numbers = new(batchSize);
        _badRows = [];
        return batch;
    }
}
