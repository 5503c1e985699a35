using MongoDB.Bson;
using MongoDB.Driver;

namespace BatchPredict.EmbeddedMongo.Tests.Conformance;

/// <summary>
/// Runs the tests of one Unified Test Format file: for each applicable test it loads <c>initialData</c>, creates the
/// entities, runs the operations checking <c>expectResult</c> / <c>expectError</c>, and compares <c>outcome</c> with
/// the final collection contents. <c>expectEvents</c> (command monitoring) is left out.
/// </summary>
internal sealed class UnifiedTestRunner(ConformanceServer server)
{
    // Guards against a hung server only; it is not a speed assertion.
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(15);

    public async Task<IReadOnlyList<SpecTestResult>> RunFileAsync(string path, CancellationToken ct = default)
    {
        var file = Path.GetFileName(path);
        var spec = BsonDocument.Parse(await File.ReadAllTextAsync(path, ct));
        var results = new List<SpecTestResult>();
        foreach (var test in spec["tests"].AsBsonArray.Cast<BsonDocument>())
        {
            results.Add(await RunTestAsync(file, spec, test, ct));
        }

        return results;
    }

    private async Task<SpecTestResult> RunTestAsync(string file, BsonDocument spec, BsonDocument test, CancellationToken ct)
    {
        var description = test["description"].AsString;
        try
        {
            if (Applicability.Reason(spec, test, server.Version) is { } reason)
            {
                return new SpecTestResult(file, description, SpecTestStatus.NotApplicable, reason);
            }

            await LoadInitialDataAsync(spec, ct);
            var entities = EntityMap.Create(spec.GetValue("createEntities", new BsonArray()).AsBsonArray, server);
            var matcher = new ResultMatcher(entities.Value);
            foreach (var operation in test["operations"].AsBsonArray.Cast<BsonDocument>())
            {
                await RunOperationAsync(operation, entities, matcher, ct);
            }

            await CheckOutcomeAsync(test, matcher, ct);
            return SpecTestResult.Passed(file, description);
        }
        catch (NotApplicableException e)
        {
            return new SpecTestResult(file, description, SpecTestStatus.NotApplicable, e.Message);
        }
        catch (SpecMismatchException e)
        {
            return new SpecTestResult(file, description, SpecTestStatus.Failed, e.Message);
        }
        catch (Exception e) when (e is MongoException or TimeoutException or OperationCanceledException)
        {
            // Loading initialData or reading the outcome failed: still a failure of the server, reported as such.
            return new SpecTestResult(file, description, SpecTestStatus.Failed, $"setup or outcome read failed: {ErrorExpectation.Describe(e)}");
        }
    }

    private static async Task RunOperationAsync(BsonDocument operation, EntityMap entities, ResultMatcher matcher, CancellationToken ct)
    {
        var name = operation["name"].AsString;
        BsonValue? result = null;
        Exception? error = null;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            timeout.CancelAfter(OperationTimeout);
            try
            {
                result = await SpecOperations.RunAsync(operation, entities, timeout.Token);
            }
            catch (Exception e) when (e is not (NotApplicableException or SpecMismatchException) && !ct.IsCancellationRequested)
            {
                error = e is OperationCanceledException ? new TimeoutException($"{name} did not finish within {OperationTimeout.TotalSeconds} s", e) : e;
            }
        }

        if (operation.GetValue("expectError", null) is BsonDocument expectError)
        {
            if (error is null)
            {
                throw new SpecMismatchException($"{name}: expected an error but it returned {result?.ToJson()}");
            }

            ErrorExpectation.Check(name, expectError, error, matcher);
            return;
        }

        if (error is not null)
        {
            throw new SpecMismatchException($"{name} failed: {ErrorExpectation.Describe(error)}");
        }

        if (operation.TryGetValue("expectResult", out var expected) && matcher.Match(expected, result) is { } failure)
        {
            throw new SpecMismatchException($"{name}: {failure}");
        }

        if (operation.GetValue("saveResultAsEntity", null) is BsonString saveAs)
        {
            entities.Add(saveAs.Value, result ?? BsonNull.Value);
        }
    }

    /// <summary>Each listed collection is dropped and refilled (or created empty), as the format prescribes.</summary>
    private async Task LoadInitialDataAsync(BsonDocument spec, CancellationToken ct)
    {
        foreach (var data in spec.GetValue("initialData", new BsonArray()).AsBsonArray.Cast<BsonDocument>())
        {
            var database = server.SetupClient.GetDatabase(data["databaseName"].AsString);
            var name = data["collectionName"].AsString;
            await database.DropCollectionAsync(name, ct);
            var documents = data["documents"].AsBsonArray.Select(d => (BsonDocument)d.DeepClone()).ToList();
            if (documents.Count == 0)
            {
                await database.CreateCollectionAsync(name, cancellationToken: ct);
            }
            else
            {
                await database.GetCollection<BsonDocument>(name).InsertManyAsync(documents, cancellationToken: ct);
            }
        }
    }

    private async Task CheckOutcomeAsync(BsonDocument test, ResultMatcher matcher, CancellationToken ct)
    {
        foreach (var expected in test.GetValue("outcome", new BsonArray()).AsBsonArray.Cast<BsonDocument>())
        {
            var name = $"{expected["databaseName"].AsString}.{expected["collectionName"].AsString}";
            var collection = server.SetupClient.GetDatabase(expected["databaseName"].AsString)
                .GetCollection<BsonDocument>(expected["collectionName"].AsString);
            var actual = await collection.Find(FilterDefinition<BsonDocument>.Empty)
                .Sort(new BsonDocument("_id", 1))
                .ToListAsync(ct);
            if (matcher.MatchExactly(expected["documents"], new BsonArray(actual)) is { } failure)
            {
                throw new SpecMismatchException($"outcome of {name}: {failure}");
            }
        }
    }
}
