using System.CommandLine;
using BatchPredict.Core;
using BatchPredict.EmbeddedMongo;

namespace BatchPredict.Cli;

/// <summary>
/// <c>batchpredict mongod --port P --dbpath DIR | --in-memory</c>: runs the embedded MongoDB-compatible server as a process.
/// Prints <c>ready mongodb://127.0.0.1:P</c> once it accepts connections; Ctrl+C or SIGTERM stops it cleanly.
/// </summary>
internal static class MongodCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "TCP port on 127.0.0.1 (0 picks a free one)", DefaultValueFactory = _ => 27017 };
        var dbPath = new Option<DirectoryInfo?>("--dbpath") { Description = "Folder of the durable data (journal and snapshots)" };
        var inMemory = new Option<bool>("--in-memory") { Description = "Keep everything in memory (nothing survives a stop)" };
        var command = new Command("mongod", "Run the embedded MongoDB-compatible server") { port, dbPath, inMemory };
        command.SetGuardedAction(async (parse, ct) =>
        {
            var path = parse.GetValue(dbPath);
            var memory = parse.GetValue(inMemory);
            if ((path is null) == !memory)
            {
                throw new BatchPredictException("mongod needs exactly one of --dbpath <folder> or --in-memory.");
            }

            var chosenPort = parse.GetValue(port);
            if (chosenPort is < 0 or > 65535)
            {
                throw new BatchPredictException($"--port must be between 0 and 65535, not {chosenPort}.");
            }

            await RunAsync(new EmbeddedMongoOptions { Port = chosenPort, DataPath = path?.FullName }, ct);
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(EmbeddedMongoOptions options, CancellationToken ct)
    {
        // System.CommandLine cancels ct on Ctrl+C and on SIGTERM (process exit), giving the action time to finish.
        await using var server = await EmbeddedMongoServer.StartAsync(options, ct: ct);
        Console.Out.WriteLine($"ready mongodb://127.0.0.1:{server.Port}");
        Console.Out.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: the server is stopped (journal flushed) by the await using.
        }
    }
}
