using System.Globalization;
using BatchPredict.Core.Jobs;
using MongoDB.Bson;

namespace BatchPredict.Core.Scoring;

/// <summary>
/// Converts one BSON value to a model column's type. Returns false with a reason when the value cannot stand for the
/// feature: a wrong type, an unparsable string, NaN, ±Infinity or a number beyond float range (the model would
/// otherwise silently see Infinity).
/// </summary>
public static class FeatureValueConverter
{
    public static bool TryToSingle(BsonValue value, out float result, out string? reason)
    {
        result = 0;
        double number;
        switch (value.BsonType)
        {
            case BsonType.Int32:
                result = value.AsInt32;
                reason = null;
                return true;
            case BsonType.Int64:
                result = value.AsInt64;
                reason = null;
                return true;
            case BsonType.Double:
                number = value.AsDouble;
                break;
            case BsonType.Decimal128:
                var dec = value.AsDecimal128;
                if (Decimal128.IsNaN(dec) || Decimal128.IsInfinity(dec))
                {
                    reason = Decimal128.IsNaN(dec) ? "NaN" : $"{dec} is infinite";
                    return false;
                }

                number = Decimal128.ToDouble(dec);
                break;
            case BsonType.String:
                if (!double.TryParse(value.AsString, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
                {
                    reason = $"'{Shorten(value.AsString)}' is not a number";
                    return false;
                }

                break;
            case BsonType.Boolean:
                result = value.AsBoolean ? 1 : 0;
                reason = null;
                return true;
            default:
                reason = $"a {value.BsonType} is not a number";
                return false;
        }

        return FromDouble(number, out result, out reason);
    }

    public static bool TryToDatePart(BsonValue value, DatePart part, out float result, out string? reason)
    {
        result = 0;
        DateTime utc;
        if (value is BsonDateTime date)
        {
            if (!date.IsValidDateTime)
            {
                reason = $"date {date.MillisecondsSinceEpoch} ms is outside the supported range";
                return false;
            }

            utc = date.ToUniversalTime();
        }
        else if (value is BsonString s && DateTime.TryParse(s.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            utc = parsed;
        }
        else
        {
            reason = value is BsonString text ? $"'{Shorten(text.Value)}' is not a date" : $"a {value.BsonType} is not a date";
            return false;
        }

        result = part switch
        {
            DatePart.Hour => utc.Hour,
            DatePart.DayOfWeek => ((int)utc.DayOfWeek + 6) % 7, // Monday = 0 .. Sunday = 6, as pandas' dayofweek
            DatePart.Month => utc.Month,
            DatePart.Year => utc.Year,
            _ => utc.Day,
        };
        reason = null;
        return true;
    }

    public static bool TryToText(BsonValue value, out string result, out string? reason)
    {
        (result, reason) = value.BsonType switch
        {
            BsonType.String => (value.AsString, null),
            BsonType.Int32 => (value.AsInt32.ToString(CultureInfo.InvariantCulture), null),
            BsonType.Int64 => (value.AsInt64.ToString(CultureInfo.InvariantCulture), null),
            BsonType.ObjectId => (value.AsObjectId.ToString(), null),
            _ => ("", $"a {value.BsonType} is not a category"),
        };
        return reason is null;
    }

    public static bool TryToBoolean(BsonValue value, out bool result, out string? reason)
    {
        reason = null;
        switch (value.BsonType)
        {
            case BsonType.Boolean:
                result = value.AsBoolean;
                return true;
            case BsonType.Int32 or BsonType.Int64 when value.ToInt64() is 0 or 1:
                result = value.ToInt64() == 1;
                return true;
            case BsonType.String when bool.TryParse(value.AsString, out result):
                return true;
            default:
                result = false;
                reason = $"{(value is BsonString s ? $"'{Shorten(s.Value)}'" : $"a {value.BsonType}")} is not a boolean";
                return false;
        }
    }

    private static bool FromDouble(double number, out float result, out string? reason)
    {
        result = 0;
        if (double.IsNaN(number))
        {
            reason = "NaN";
            return false;
        }

        if (double.IsInfinity(number))
        {
            reason = number > 0 ? "+Infinity" : "-Infinity";
            return false;
        }

        if (Math.Abs(number) > float.MaxValue)
        {
            reason = $"{number.ToString("R", CultureInfo.InvariantCulture)} is beyond float range";
            return false;
        }

        result = (float)number;
        reason = null;
        return true;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
