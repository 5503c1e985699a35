namespace BatchPredict.Core.Models;

/// <summary>What a model file's first bytes say it is.</summary>
internal enum SniffedFormat
{
    Empty,
    Zip,
    PythonPickle,
    Onnx,
    Unknown,
}

/// <summary>
/// Recognises the formats people push by mistake from their first bytes, so each is refused by name instead of
/// failing somewhere inside ML.NET.
/// </summary>
internal static class ModelFormatSniffer
{
    public static SniffedFormat Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return SniffedFormat.Empty;
        }

        // Local file header "PK\x03\x04", or "PK\x05\x06" for an empty archive.
        if (bytes.Length >= 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K' && (bytes[2], bytes[3]) is (3, 4) or (5, 6))
        {
            return SniffedFormat.Zip;
        }

        // Pickle protocol 2 and later start with the PROTO opcode 0x80 followed by the protocol number.
        if (bytes.Length >= 2 && bytes[0] == 0x80 && bytes[1] is >= 2 and <= 5)
        {
            return SniffedFormat.PythonPickle;
        }

        return LooksLikeOnnx(bytes) ? SniffedFormat.Onnx : SniffedFormat.Unknown;
    }

    /// <summary>Entry names inside a zip that mark another framework's model (PyTorch, scikit-learn via joblib, ONNX).</summary>
    public static SniffedFormat SniffEntryName(string entryName)
    {
        var name = entryName.ToLowerInvariant();
        if (name.EndsWith(".pkl", StringComparison.Ordinal) || name.EndsWith(".pickle", StringComparison.Ordinal) || name.EndsWith(".joblib", StringComparison.Ordinal))
        {
            return SniffedFormat.PythonPickle;
        }

        return name.EndsWith(".onnx", StringComparison.Ordinal) ? SniffedFormat.Onnx : SniffedFormat.Unknown;
    }

    /// <summary>
    /// An ONNX ModelProto is protobuf: field 1 (ir_version, varint, tag 0x08) comes first, a small number, followed by
    /// a length-delimited field such as producer_name (0x12), producer_version (0x1A), domain (0x22), graph (0x3A) or opset_import (0x42).
    /// </summary>
    private static bool LooksLikeOnnx(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 4 && bytes[0] == 0x08 && bytes[1] is >= 1 and <= 0x20 && bytes[2] is 0x12 or 0x1A or 0x22 or 0x3A or 0x42;
}
