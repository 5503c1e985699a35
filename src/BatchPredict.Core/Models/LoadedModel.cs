using Microsoft.ML;

namespace BatchPredict.Core.Models;

/// <summary>
/// A verified, loaded model shared by every scorer. <see cref="Transformer"/> is safe to use from many threads through
/// <see cref="ITransformer.Transform"/> over an <see cref="IDataView"/>; never share a PredictionEngine between threads.
/// </summary>
public sealed class LoadedModel(ModelVersionInfo info, MLContext context, ITransformer transformer, DataViewSchema inputSchema)
{
    public ModelVersionInfo Info { get; } = info;

    public MLContext Context { get; } = context;

    public ITransformer Transformer { get; } = transformer;

    /// <summary>The schema the model was saved with: the columns (and types) its input must have.</summary>
    public DataViewSchema InputSchema { get; } = inputSchema;
}
