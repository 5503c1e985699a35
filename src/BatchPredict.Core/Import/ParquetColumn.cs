using MongoDB.Bson;
using Parquet;
using Parquet.Schema;

namespace BatchPredict.Core.Import;

/// <summary>
/// One column of one row group, read whole in its own CLR type and turned into BSON one value at a time, so a row group
/// costs its typed arrays rather than a BsonValue per cell. Types map as: integers up to 32 bits -> Int32, UInt32 and
/// Int64 -> Int64 (UInt64 too when it fits, else the row is bad), Single/Double -> Double, Decimal -> Decimal128,
/// DateTime -> BSON date in UTC (a time without a zone is taken as UTC), DateOnly -> date at midnight UTC,
/// TimeSpan/TimeOnly -> string (BSON has no time-of-day type), Guid -> UUID binary, byte[] -> binary, null -> null.
/// </summary>
internal abstract class ParquetColumn(string name)
{
    public string Name { get; } = name;

    /// <summary>The value at <paramref name="row"/>; throws <see cref="InvalidImportValueException"/> if BSON cannot hold it.</summary>
    public abstract BsonValue this[int row] { get; }

    /// <remarks>Parquet.Net describes UTF-8 and binary columns as ReadOnlyMemory; they are read as string and byte[].</remarks>
    public static async Task<ParquetColumn> ReadAsync(ParquetRowGroupReader rowGroup, DataField field, int rows, CancellationToken ct)
    {
        var type = field.ClrType;
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[rows];
            await rowGroup.ReadAsync(field, values.AsMemory()!, null, ct);
            return new ReferenceColumn<string>(field.Name, values, v => new BsonString(v));
        }

        if (type == typeof(byte[]) || type == typeof(ReadOnlyMemory<byte>))
        {
            var values = new byte[]?[rows];
            await rowGroup.ReadAsync(field, values.AsMemory()!, null, ct);
            return new ReferenceColumn<byte[]>(field.Name, values, v => new BsonBinaryData(v));
        }

        return type switch
        {
            _ when type == typeof(bool) => await ReadValuesAsync<bool>(rowGroup, field, rows, v => v ? BsonBoolean.True : BsonBoolean.False, ct),
            _ when type == typeof(sbyte) => await ReadValuesAsync<sbyte>(rowGroup, field, rows, v => new BsonInt32(v), ct),
            _ when type == typeof(byte) => await ReadValuesAsync<byte>(rowGroup, field, rows, v => new BsonInt32(v), ct),
            _ when type == typeof(short) => await ReadValuesAsync<short>(rowGroup, field, rows, v => new BsonInt32(v), ct),
            _ when type == typeof(ushort) => await ReadValuesAsync<ushort>(rowGroup, field, rows, v => new BsonInt32(v), ct),
            _ when type == typeof(int) => await ReadValuesAsync<int>(rowGroup, field, rows, v => new BsonInt32(v), ct),
            _ when type == typeof(uint) => await ReadValuesAsync<uint>(rowGroup, field, rows, v => new BsonInt64(v), ct),
            _ when type == typeof(long) => await ReadValuesAsync<long>(rowGroup, field, rows, v => new BsonInt64(v), ct),
            _ when type == typeof(ulong) => await ReadValuesAsync<ulong>(rowGroup, field, rows, ToInt64, ct),
            _ when type == typeof(float) => await ReadValuesAsync<float>(rowGroup, field, rows, v => new BsonDouble(v), ct),
            _ when type == typeof(double) => await ReadValuesAsync<double>(rowGroup, field, rows, v => new BsonDouble(v), ct),
            _ when type == typeof(decimal) => await ReadValuesAsync<decimal>(rowGroup, field, rows, v => new BsonDecimal128(v), ct),
            _ when type == typeof(DateTime) => await ReadValuesAsync<DateTime>(rowGroup, field, rows, v => new BsonDateTime(AsUtc(v)), ct),
            _ when type == typeof(DateOnly) => await ReadValuesAsync<DateOnly>(rowGroup, field, rows,
                v => new BsonDateTime(v.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)), ct),
            _ when type == typeof(TimeSpan) => await ReadValuesAsync<TimeSpan>(rowGroup, field, rows, v => new BsonString(v.ToString("c")), ct),
            _ when type == typeof(TimeOnly) => await ReadValuesAsync<TimeOnly>(rowGroup, field, rows, v => new BsonString(v.ToString("O")), ct),
            _ when type == typeof(Guid) => await ReadValuesAsync<Guid>(rowGroup, field, rows,
                v => new BsonBinaryData(v, GuidRepresentation.Standard), ct),
            _ => throw new NotSupportedException($"Parquet type {type.Name} of column '{field.Name}' cannot be imported."),
        };
    }

    /// <summary>A Parquet timestamp without a zone is taken as UTC, like a CSV date without a zone.</summary>
    internal static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };

    private static BsonValue ToInt64(ulong value) => value <= long.MaxValue
        ? new BsonInt64((long)value)
        : throw new InvalidImportValueException($"{value} does not fit in Int64");

    private static async Task<ParquetColumn> ReadValuesAsync<T>(
        ParquetRowGroupReader rowGroup, DataField field, int rows, Func<T, BsonValue> convert, CancellationToken ct)
        where T : struct
    {
        if (field.IsNullable)
        {
            var nullable = new T?[rows];
            await rowGroup.ReadAsync(field, nullable.AsMemory(), null, ct);
            return new NullableColumn<T>(field.Name, nullable, convert);
        }

        var values = new T[rows];
        await rowGroup.ReadAsync(field, values.AsMemory(), null, ct);
        return new ValueColumn<T>(field.Name, values, convert);
    }

    private sealed class ValueColumn<T>(string name, T[] values, Func<T, BsonValue> convert) : ParquetColumn(name)
        where T : struct
    {
        public override BsonValue this[int row] => convert(values[row]);
    }

    private sealed class NullableColumn<T>(string name, T?[] values, Func<T, BsonValue> convert) : ParquetColumn(name)
        where T : struct
    {
        public override BsonValue this[int row] => values[row] is { } value ? convert(value) : BsonNull.Value;
    }

    private sealed class ReferenceColumn<T>(string name, T?[] values, Func<T, BsonValue> convert) : ParquetColumn(name)
        where T : class
    {
        public override BsonValue this[int row] => values[row] is { } value ? convert(value) : BsonNull.Value;
    }
}
