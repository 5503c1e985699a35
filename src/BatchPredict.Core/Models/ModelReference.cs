using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BatchPredict.Core.Models;

/// <summary>
/// Names one model version in the registry: either an exact version (<c>flight-delay:7</c>) or an alias
/// (<c>flight-delay@production</c>). A bare name (<c>flight-delay</c>) means the alias <see cref="DefaultAlias"/>.
/// </summary>
public sealed partial record ModelReference
{
    /// <summary>The alias a bare model name stands for.</summary>
    public const string DefaultAlias = "production";

    private ModelReference(string name, int? version, string? alias)
    {
        Name = name;
        Version = version;
        Alias = alias;
    }

    public string Name { get; }

    /// <summary>The exact version, or null when the reference goes through <see cref="Alias"/>.</summary>
    public int? Version { get; }

    /// <summary>The alias, or null when the reference names an exact <see cref="Version"/>.</summary>
    public string? Alias { get; }

    [MemberNotNullWhen(true, nameof(Version))]
    [MemberNotNullWhen(false, nameof(Alias))]
    public bool IsExactVersion => Version is not null;

    public static ModelReference ForVersion(string name, int version)
    {
        ValidateName(name, name);
        if (version < 1)
        {
            throw new BatchPredictException($"Model reference '{name}:{version}': the version must be a whole number from 1 up.");
        }

        return new ModelReference(name, version, null);
    }

    public static ModelReference ForAlias(string name, string alias)
    {
        ValidateName(name, $"{name}@{alias}");
        ValidateAlias(alias, $"{name}@{alias}");
        return new ModelReference(name, null, alias);
    }

    /// <summary>Parses <c>name</c>, <c>name:version</c> or <c>name@alias</c>.</summary>
    /// <exception cref="BatchPredictException">The text is not one of these forms.</exception>
    public static ModelReference Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        if (colon >= 0 && at >= 0)
        {
            throw Malformed(text, "use either name:version or name@alias, not both");
        }

        if (colon >= 0)
        {
            var versionText = trimmed[(colon + 1)..];
            if (!int.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            {
                throw Malformed(text, $"'{versionText}' is not a version number (1, 2, 3 ...)");
            }

            ValidateName(trimmed[..colon], text);
            return new ModelReference(trimmed[..colon], version, null);
        }

        if (at >= 0)
        {
            ValidateName(trimmed[..at], text);
            ValidateAlias(trimmed[(at + 1)..], text);
            return new ModelReference(trimmed[..at], null, trimmed[(at + 1)..]);
        }

        ValidateName(trimmed, text);
        return new ModelReference(trimmed, null, DefaultAlias);
    }

    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    public static bool IsValidAlias(string alias) => AliasPattern().IsMatch(alias);

    public override string ToString() => IsExactVersion ? $"{Name}:{Version}" : $"{Name}@{Alias}";

    private static void ValidateName(string name, string text)
    {
        if (!IsValidName(name))
        {
            throw Malformed(text, $"the model name '{name}' must start with a letter or digit and hold only letters, digits, '.', '_' or '-' (at most 100)");
        }
    }

    private static void ValidateAlias(string alias, string text)
    {
        if (!IsValidAlias(alias))
        {
            throw Malformed(text, $"the alias '{alias}' must start with a letter and hold only letters, digits, '.', '_' or '-' (at most 64)");
        }
    }

    private static BatchPredictException Malformed(string text, string reason) =>
        new($"Model reference '{text}' is not valid: {reason}. Expected name, name:version or name@alias, e.g. flight-delay:7 or flight-delay@production.");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex AliasPattern();
}
