namespace BatchPredict.Core.Import;

/// <summary>
/// One import: the file into the collection. <see cref="Format"/> null = from the file's extension;
/// <see cref="BatchSize"/> null = <see cref="ImportOptions.BatchSize"/>; <see cref="MaxRows"/> takes only the first rows
/// of the file (bad rows count, so the same rows are read whatever their content); <see cref="Drop"/> empties the
/// collection first.
/// </summary>
public sealed record ImportRequest(string Collection, string File)
{
    public ImportFormat? Format { get; init; }

    public int? BatchSize { get; init; }

    public long? MaxRows { get; init; }

    public bool Drop { get; init; }
}
