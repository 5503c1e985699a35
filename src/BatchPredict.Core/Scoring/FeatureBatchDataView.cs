using BatchPredict.Core.Jobs;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BatchPredict.Core.Scoring;

/// <summary>
/// A read-only columnar <see cref="IDataView"/> over the first <see cref="FeatureBatch.Count"/> rows of a batch.
/// Each Transform gets its own view and cursors, so scoring shares nothing mutable between threads (unlike a
/// PredictionEngine). The view must not outlive the batch contents it reads.
/// </summary>
public sealed class FeatureBatchDataView : IDataView
{
    private readonly FeatureBatch _batch;
    private readonly int _rows;

    public FeatureBatchDataView(FeatureBatch batch)
    {
        _batch = batch;
        _rows = batch.Count;
        Schema = BuildSchema(batch.Features);
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public static DataViewSchema BuildSchema(IReadOnlyList<FeatureMapping> features)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var feature in features)
        {
            builder.AddColumn(feature.Column, feature.Type switch
            {
                FeatureType.Single => NumberDataViewType.Single,
                FeatureType.String => TextDataViewType.Instance,
                _ => BooleanDataViewType.Instance,
            });
        }

        return builder.ToSchema();
    }

    public long? GetRowCount() => _rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Select(c => c.Index).ToHashSet());

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor(FeatureBatchDataView view, HashSet<int> active) : DataViewRowCursor
    {
        private long _position = -1;

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => view.Schema;

        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);

        public override bool MoveNext()
        {
            if (_position + 1 >= view._rows)
            {
                _position = view._rows;
                return false;
            }

            _position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!IsColumnActive(column))
            {
                throw new InvalidOperationException($"column '{column.Name}' was not requested from the cursor");
            }

            Delegate getter = view._batch.Features[column.Index].Type switch
            {
                FeatureType.Single => SingleGetter(view._batch.Singles(column.Index)),
                FeatureType.String => TextGetter(view._batch.Strings(column.Index)),
                _ => BooleanGetter(view._batch.Booleans(column.Index)),
            };
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"column '{column.Name}' is {column.Type}, not {typeof(TValue).Name}");
        }

        private ValueGetter<float> SingleGetter(float[] values) => (ref float value) => value = values[_position];

        private ValueGetter<ReadOnlyMemory<char>> TextGetter(string[] values) =>
            (ref ReadOnlyMemory<char> value) => value = values[_position].AsMemory();

        private ValueGetter<bool> BooleanGetter(bool[] values) => (ref bool value) => value = values[_position];
    }
}
