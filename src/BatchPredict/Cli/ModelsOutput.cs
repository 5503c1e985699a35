using System.Globalization;
using BatchPredict.Core.Models;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BatchPredict.Cli;

/// <summary>The tables of the <c>models</c> commands.</summary>
internal static class ModelsOutput
{
    public static Table VersionsTable(IReadOnlyList<ModelVersionInfo> versions, IReadOnlyList<ModelAliasInfo> aliases)
    {
        // The description is left to `models show`, so the table fits a 120-column terminal.
        var table = new Table().AddColumns("Name", "Version", "Aliases", "SHA-256", "Size", "Created (UTC)", "Metrics");
        foreach (var v in versions)
        {
            table.AddRow(
                Cell(v.Name),
                Cell(v.Version.ToString(CultureInfo.InvariantCulture)),
                Cell(string.Join(", ", aliases.Where(a => a.Name == v.Name && a.Version == v.Version).Select(a => a.Alias))),
                Cell(v.Sha256[..12]),
                Cell(v.Size.ToString("N0", CultureInfo.InvariantCulture)),
                Cell(Time(v.CreatedAt)),
                Cell(Metrics(v)));
        }

        return table;
    }

    public static void WriteVersion(IAnsiConsole console, ModelVersionInfo v, IReadOnlyList<ModelAliasInfo> aliases)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow(Cell("name"), Cell(v.Name));
        grid.AddRow(Cell("version"), Cell(v.Version.ToString(CultureInfo.InvariantCulture)));
        grid.AddRow(Cell("aliases"), Cell(string.Join(", ", aliases.Where(a => a.Version == v.Version).Select(a => a.Alias))));
        grid.AddRow(Cell("sha256"), Cell(v.Sha256));
        grid.AddRow(Cell("size"), Cell($"{v.Size.ToString("N0", CultureInfo.InvariantCulture)} bytes"));
        grid.AddRow(Cell("format"), Cell(v.Format));
        grid.AddRow(Cell("created"), Cell(Time(v.CreatedAt)));
        grid.AddRow(Cell("description"), Cell(v.Description ?? ""));
        grid.AddRow(Cell("tags"), Cell(string.Join(", ", v.Tags.Select(t => $"{t.Key}={t.Value}"))));
        grid.AddRow(Cell("metrics"), Cell(Metrics(v)));
        grid.AddRow(Cell("input"), Cell(Schema(v.InputSchema)));
        grid.AddRow(Cell("output"), Cell(Schema(v.OutputSchema)));
        console.Write(grid);
        if (aliases.Count > 0)
        {
            console.Write(HistoryTable(aliases));
        }
    }

    /// <summary>Every step of each alias, oldest first; the current step is marked.</summary>
    public static Table HistoryTable(IEnumerable<ModelAliasInfo> aliases)
    {
        var table = new Table().AddColumns("Alias", "Step", "Version", "Action", "At (UTC)");
        foreach (var alias in aliases)
        {
            for (var i = 0; i < alias.History.Count; i++)
            {
                var step = alias.History[i];
                var current = i == alias.History.Count - 1 ? " (current)" : "";
                table.AddRow(
                    Cell(alias.Alias),
                    Cell((i + 1).ToString(CultureInfo.InvariantCulture)),
                    Cell(step.Version.ToString(CultureInfo.InvariantCulture) + current),
                    Cell(step.Action),
                    Cell(Time(step.At)));
            }
        }

        return table;
    }

    private static string Metrics(ModelVersionInfo v) =>
        string.Join(" ", v.Metrics.Select(m => $"{m.Key}={m.Value.ToString("0.####", CultureInfo.InvariantCulture)}"));

    private static string Schema(IReadOnlyList<SchemaColumn> columns) => string.Join(", ", columns.Select(c => $"{c.Name}: {c.Type}"));

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static IRenderable Cell(string text) => new Text(text);
}
