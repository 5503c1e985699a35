using System.Globalization;
using BatchPredict.Core;

namespace BatchPredict.Cli;

/// <summary>Parses repeated <c>key=value</c> options such as <c>--tag team=ops --tag source=dot</c>.</summary>
internal static class KeyValueArguments
{
    public static IReadOnlyDictionary<string, T>? Parse<T>(string[]? values, string option, Func<string, T> parseValue)
    {
        if (values is null || values.Length == 0)
        {
            return null;
        }

        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var text in values)
        {
            var equals = text.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new BatchPredictException($"{option} '{text}' must be key=value.");
            }

            var key = text[..equals].Trim();
            try
            {
                result[key] = parseValue(text[(equals + 1)..].Trim());
            }
            catch (FormatException)
            {
                throw new BatchPredictException($"{option} '{text}': '{text[(equals + 1)..]}' is not a number.");
            }
        }

        return result;
    }

    public static double ParseNumber(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
