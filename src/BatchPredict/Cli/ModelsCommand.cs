using System.CommandLine;
using BatchPredict.Core;
using BatchPredict.Core.Models;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace BatchPredict.Cli;

/// <summary><c>batchpredict models push|list|show|promote|rollback|pull|delete</c>: the model registry from the command line.</summary>
internal static class ModelsCommand
{
    /// <param name="console">Where answers are written; the terminal unless a test captures them.</param>
    /// <param name="configure">Extra configuration sources (tests point the commands at their own server).</param>
    public static Command Create(IAnsiConsole? console = null, Action<IConfigurationBuilder>? configure = null)
    {
        var context = new ModelsCommandContext(console ?? AnsiConsole.Console, configure);
        var command = new Command("models", "Push, list, show, promote, roll back, pull and delete model versions in the registry.");
        command.Subcommands.Add(Push(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Promote(context));
        command.Subcommands.Add(Rollback(context));
        command.Subcommands.Add(Pull(context));
        command.Subcommands.Add(Delete(context));
        return command;
    }

    private static Command Push(ModelsCommandContext context)
    {
        var file = new Argument<FileInfo>("model") { Description = "The ML.NET model zip (saved with MLContext.Model.Save)." };
        var name = new Option<string>("--name") { Description = "Model name; the registry gives the file the next version of it.", Required = true };
        var description = new Option<string?>("--description") { Description = "What this version is." };
        var tags = new Option<string[]>("--tag") { Description = "A tag key=value (repeatable)." };
        var metrics = new Option<string[]>("--metric") { Description = "An evaluation metric key=number, e.g. auc=0.71 (repeatable)." };
        var alias = new Option<string?>("--alias") { Description = "Point this alias (e.g. production) at the new version." };
        var command = new Command("push", "Store a model file as a new immutable version.") { file, name, description, tags, metrics, alias };
        command.SetGuardedAction((parse, ct) => ModelsCommandActions.PushAsync(
            context,
            parse.GetRequiredValue(file),
            new ModelPushRequest(
                parse.GetRequiredValue(name),
                parse.GetValue(description),
                KeyValueArguments.Parse(parse.GetValue(tags), "--tag", value => value),
                KeyValueArguments.Parse(parse.GetValue(metrics), "--metric", KeyValueArguments.ParseNumber),
                parse.GetValue(alias)),
            ct));
        return command;
    }

    private static Command List(ModelsCommandContext context)
    {
        var name = new Option<string?>("--name") { Description = "Only the versions of this model." };
        var command = new Command("list", "List model versions with their aliases.") { name };
        command.SetGuardedAction((parse, ct) => ModelsCommandActions.ListAsync(context, parse.GetValue(name), ct));
        return command;
    }

    private static Command Show(ModelsCommandContext context)
    {
        var reference = new Argument<string>("reference") { Description = "name, name:version or name@alias (a bare name means @production)." };
        var command = new Command("show", "Show one version: hash, schema, metrics, tags and the history of its aliases.") { reference };
        command.SetGuardedAction((parse, ct) => ModelsCommandActions.ShowAsync(context, ModelReference.Parse(parse.GetRequiredValue(reference)), ct));
        return command;
    }

    private static Command Promote(ModelsCommandContext context)
    {
        var name = new Argument<string>("name") { Description = "Model name." };
        var version = new Option<int>("--version") { Description = "The version the alias moves to.", Required = true };
        var alias = new Option<string>("--alias") { Description = "The alias to move, e.g. production.", Required = true };
        var command = new Command("promote", "Point an alias at a version (the previous one stays in its history).") { name, version, alias };
        command.SetGuardedAction((parse, ct) => ModelsCommandActions.PromoteAsync(
            context, parse.GetRequiredValue(name), parse.GetValue(version), parse.GetRequiredValue(alias), ct));
        return command;
    }

    private static Command Rollback(ModelsCommandContext context)
    {
        var name = new Argument<string>("name") { Description = "Model name." };
        var alias = new Option<string>("--alias") { Description = "The alias to move back one step.", Required = true };
        var command = new Command("rollback", "Move an alias back to the version it had before.") { name, alias };
        command.SetGuardedAction((parse, ct) => ModelsCommandActions.RollbackAsync(context, parse.GetRequiredValue(name), parse.GetRequiredValue(alias), ct));
        return command;
    }

    private static Command Pull(ModelsCommandContext context)
    {
        var reference = new Argument<string>("reference") { Description = "name, name:version or name@alias." };
        var output = new Option<FileInfo>("--out") { Description = "The file to write the model zip to.", Required = true };
        var command = new Command("pull", "Download a version's model zip (its SHA-256 is verified).") { reference, output };
        command.SetGuardedAction((parse, ct) => ModelsCommandActions.PullAsync(
            context, ModelReference.Parse(parse.GetRequiredValue(reference)), parse.GetRequiredValue(output), ct));
        return command;
    }

    private static Command Delete(ModelsCommandContext context)
    {
        var reference = new Argument<string>("reference") { Description = "name:version of the version to delete." };
        var command = new Command("delete", "Delete one version (refused while an alias points at it).") { reference };
        command.SetGuardedAction((parse, ct) =>
        {
            var parsed = ModelReference.Parse(parse.GetRequiredValue(reference));
            return parsed.IsExactVersion
                ? ModelsCommandActions.DeleteAsync(context, parsed.Name, parsed.Version.Value, ct)
                : throw new BatchPredictException($"models delete needs an exact version (name:version), not '{parsed}'.");
        });
        return command;
    }
}

/// <summary>What every models subcommand shares: its output and configuration hook.</summary>
internal sealed record ModelsCommandContext(IAnsiConsole Console, Action<IConfigurationBuilder>? Configure);
