using BatchPredict.Core.Models;
using BatchPredict.Hosting;
using Spectre.Console;

namespace BatchPredict.Cli;

/// <summary>The work of each <c>models</c> subcommand: one registry call, then its answer on the console.</summary>
internal static class ModelsCommandActions
{
    public static async Task<int> PushAsync(ModelsCommandContext context, FileInfo file, ModelPushRequest request, CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new FileNotFoundException($"Model file '{file.FullName}' does not exist.", file.FullName);
        }

        await using var host = await StartAsync(context, ct);
        var registry = host.Services.GetRequiredService<IModelRegistry>();
        await using var stream = file.OpenRead();
        var version = await registry.PushAsync(stream, request with { SourceName = file.Name }, ct);
        // Short lines: a redirected console wraps at 80 columns.
        context.Console.MarkupLineInterpolated($"pushed [bold]{version.Name}:{version.Version}[/] ({version.Size:N0} bytes)");
        context.Console.MarkupLineInterpolated($"sha256 {version.Sha256}");
        if (request.Alias is not null)
        {
            context.Console.MarkupLineInterpolated($"{version.Name}@{request.Alias} -> version {version.Version}");
        }
        return 0;
    }

    public static async Task<int> ListAsync(ModelsCommandContext context, string? name, CancellationToken ct)
    {
        await using var host = await StartAsync(context, ct);
        var registry = host.Services.GetRequiredService<IModelRegistry>();
        var versions = await registry.ListAsync(name, ct);
        var aliases = await registry.ListAliasesAsync(name, ct);
        if (versions.Count == 0)
        {
            context.Console.MarkupLine(name is null ? "no models in the registry" : $"no versions of {Markup.Escape(name)}");
            return 0;
        }

        context.Console.Write(ModelsOutput.VersionsTable(versions, aliases));
        return 0;
    }

    public static async Task<int> ShowAsync(ModelsCommandContext context, ModelReference reference, CancellationToken ct)
    {
        await using var host = await StartAsync(context, ct);
        var registry = host.Services.GetRequiredService<IModelRegistry>();
        var version = await registry.ResolveAsync(reference, ct);
        var aliases = await registry.ListAliasesAsync(version.Name, ct);
        ModelsOutput.WriteVersion(context.Console, version, aliases);
        return 0;
    }

    public static async Task<int> PromoteAsync(ModelsCommandContext context, string name, int version, string alias, CancellationToken ct)
    {
        await using var host = await StartAsync(context, ct);
        var registry = host.Services.GetRequiredService<IModelRegistry>();
        var before = await registry.GetAliasAsync(name, alias, ct);
        var after = await registry.PromoteAsync(name, version, alias, ct);
        var was = before is null ? "new alias" : before.Version == after.Version ? "unchanged" : $"was {before.Version}";
        context.Console.MarkupLineInterpolated($"{name}@{alias} -> version {after.Version} ({was})");
        return 0;
    }

    public static async Task<int> RollbackAsync(ModelsCommandContext context, string name, string alias, CancellationToken ct)
    {
        await using var host = await StartAsync(context, ct);
        var registry = host.Services.GetRequiredService<IModelRegistry>();
        var before = await registry.GetAliasAsync(name, alias, ct);
        var after = await registry.RollbackAsync(name, alias, ct);
        context.Console.MarkupLineInterpolated($"{name}@{alias} rolled back to version {after.Version} (was {before?.Version})");
        context.Console.Write(ModelsOutput.HistoryTable([after]));
        return 0;
    }

    public static async Task<int> PullAsync(ModelsCommandContext context, ModelReference reference, FileInfo output, CancellationToken ct)
    {
        await using var host = await StartAsync(context, ct);
        var registry = host.Services.GetRequiredService<IModelRegistry>();
        output.Directory?.Create();
        // Written beside the target and moved into place only once the hash is verified: no half or damaged file is left.
        var partial = output.FullName + ".partial";
        ModelVersionInfo version;
        try
        {
            await using (var file = File.Create(partial))
            {
                version = await registry.DownloadAsync(reference, file, ct);
            }

            File.Move(partial, output.FullName, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        context.Console.MarkupLineInterpolated($"pulled {version.Name}:{version.Version} ({version.Size:N0} bytes, sha256 verified)");
        context.Console.MarkupLineInterpolated($"to {output.FullName}");
        return 0;
    }

    public static async Task<int> DeleteAsync(ModelsCommandContext context, string name, int version, CancellationToken ct)
    {
        await using var host = await StartAsync(context, ct);
        var registry = host.Services.GetRequiredService<IModelRegistry>();
        await registry.DeleteAsync(name, version, ct);
        context.Console.MarkupLineInterpolated($"deleted {name}:{version}");
        return 0;
    }

    private static Task<CommandHost> StartAsync(ModelsCommandContext context, CancellationToken ct) =>
        CommandHost.StartAsync(builder => builder.AddModelRegistry(), context.Configure, ct);
}
