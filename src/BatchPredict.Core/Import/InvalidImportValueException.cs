namespace BatchPredict.Core.Import;

/// <summary>A single value BSON cannot hold or a text value that is malformed: its row becomes a bad row, the import goes on.</summary>
public sealed class InvalidImportValueException(string message) : BatchPredictException(message);
