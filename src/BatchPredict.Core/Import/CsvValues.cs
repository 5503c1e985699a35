using System.Globalization;
using System.Text.RegularExpressions;
using MongoDB.Bson;

namespace BatchPredict.Core.Import;

/// <summary>
/// Gives each CSV value its BSON type, value by value (quoted or not):
/// an unquoted empty field -> null (a quoted empty field "" -> empty string);
/// an integer -> Int32 when it fits, else Int64, else Double (an integer with leading zeros, such as a zip code "02134",
/// stays a string so no digit is lost); a decimal or exponent number -> Double;
/// true/false (any case) -> Boolean;
/// an ISO-8601 date or date-time (T or space between) -> BSON date in UTC, a zone (Z, +hh:mm) is honoured and a time
/// without one is taken as UTC; a value shaped like such a date that is not a real one (2024-02-30) is an invalid value;
/// anything else -> string.
/// </summary>
internal static partial class CsvValues
{
    public static BsonValue Infer(CsvField field)
    {
        var text = field.Text;
        if (text.Length == 0)
        {
            return field.Quoted ? BsonString.Empty : BsonNull.Value;
        }

        if (IntegerPattern().IsMatch(text))
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return integer is >= int.MinValue and <= int.MaxValue ? new BsonInt32((int)integer) : new BsonInt64(integer);
            }

            return ParseDouble(text);
        }

        if (DecimalPattern().IsMatch(text))
        {
            return ParseDouble(text);
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return BsonBoolean.True;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return BsonBoolean.False;
        }

        if (DatePattern().IsMatch(text))
        {
            return ParseDate(text);
        }

        return new BsonString(text);
    }

    private static BsonDouble ParseDouble(string text)
    {
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(value)
            ? new BsonDouble(value)
            : throw new InvalidImportValueException($"'{text}' is out of range for a Double");
    }

    private static BsonDateTime ParseDate(string text)
    {
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            throw new InvalidImportValueException($"'{text}' looks like an ISO-8601 date but is not a valid one");
        }

        return new BsonDateTime(DateTime.SpecifyKind(date, DateTimeKind.Utc));
    }

    [GeneratedRegex(@"^[+-]?(?:0|[1-9][0-9]*)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[+-]?(?:(?:0|[1-9][0-9]*)(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,7})?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
