using System.Text;
using BatchPredict.Core.Models;

namespace BatchPredict.Core.Tests.Models;

public sealed class ModelLoaderTests
{
    [Fact]
    public void Inspect_DemoModel_ReadsContractSchemaFromTheModel()
    {
        var inspection = ModelLoader.Inspect(TestModels.FlightDelayBytes, "the test model", TestModels.DefaultLimits);

        Assert.Equal(
            [new("Distance", "Single"), new("Hour", "Single"), new("Dow", "Single"), new("Month", "Single"), new("Origin", "String"), new("Destination", "String")],
            inspection.InputSchema);
        Assert.Equal([new("PredictedLabel", "Boolean"), new("Score", "Single"), new("Probability", "Single")], inspection.OutputSchema);
        Assert.Equal(64, inspection.Sha256.Length);
        Assert.Equal(TestModels.FlightDelayBytes.LongLength, inspection.Size);
    }

    [Fact]
    public void Load_MatchingHash_ReturnsModelWithInputSchema()
    {
        var bytes = TestModels.FlightDelayBytes;

        var (model, uncompressed) = ModelLoader.Load(TestModels.InfoFor(bytes), bytes, TestModels.DefaultLimits);

        Assert.NotNull(model.InputSchema.GetColumnOrNull("Origin"));
        Assert.True(uncompressed > bytes.Length);
    }

    [Fact]
    public void Load_HashMismatch_RefusedNamingModelVersionAndBothHashes()
    {
        var bytes = TestModels.FlightDelayBytes;
        var recorded = TestModels.InfoFor(bytes, "flight-delay", 7);
        var tampered = (byte[])bytes.Clone();
        tampered[tampered.Length / 2] ^= 0xFF;

        var error = Assert.Throws<BatchPredictException>(() => ModelLoader.Load(recorded, tampered, TestModels.DefaultLimits));

        Assert.Contains("flight-delay version 7", error.Message, StringComparison.Ordinal);
        Assert.Contains(recorded.Sha256, error.Message, StringComparison.Ordinal);
        Assert.Contains(ModelLoader.Sha256Hex(tampered), error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string> RefusedFiles() => new()
    {
        { "empty", [], "empty" },
        { "text", Encoding.UTF8.GetBytes("name,delay\nATL,15\n"), "not a zip" },
        { "pickle", [0x80, 0x04, 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0, 0x8c, 0x07], "Python pickle" },
        { "onnx", [0x08, 0x07, 0x12, 0x07, .. "pytorch"u8, 0x1A, 0x03, .. "2.1"u8], "ONNX" },
        { "zip of text", TestModels.Zip(("README.txt", "hello"u8.ToArray())), "no ML.NET model entries" },
        { "zip with pickle", TestModels.Zip(("model/data.pkl", [0x80, 0x02])), "Python pickle" },
        { "zip with onnx", TestModels.Zip(("model.onnx", [0x08, 0x07])), "ONNX" },
        { "truncated", TestModels.FlightDelayBytes[..(TestModels.FlightDelayBytes.Length / 2)], "corrupt or truncated" },
        { "newer ML.NET", TestModels.WithEntry(TestModels.FlightDelayBytes, "TrainingInfo/Version.txt", "99.1.0+abcdef"u8.ToArray()), "newer than the ML.NET 6.0.0" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public void Inspect_UnsupportedFile_RefusedWithReason(string label, byte[] bytes, string reason)
    {
        var error = Assert.Throws<BatchPredictException>(() => ModelLoader.Inspect(bytes, $"'{label}.zip'", TestModels.DefaultLimits));

        Assert.StartsWith($"Refused '{label}.zip': ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_CorruptEntryData_Refused()
    {
        var bytes = (byte[])TestModels.FlightDelayBytes.Clone();
        // Damage the compressed data of the largest entry (the trees), not the zip's directory at the end.
        for (var i = bytes.Length / 3; i < bytes.Length / 3 + 64; i++)
        {
            bytes[i] ^= 0x5A;
        }

        var error = Assert.Throws<BatchPredictException>(() => ModelLoader.Inspect(bytes, "'corrupt.zip'", TestModels.DefaultLimits));

        Assert.StartsWith("Refused 'corrupt.zip': ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_ZipBomb_RefusedByActualUncompressedSize()
    {
        // 64 MiB of zeros compresses to about 64 KiB.
        var bomb = TestModels.Zip(("Model.key", new byte[64 * 1024 * 1024]));
        var limits = new ModelRegistryOptions { MaxUncompressedBytes = 16 * 1024 * 1024 };

        var error = Assert.Throws<BatchPredictException>(() => ModelLoader.Inspect(bomb, "'bomb.zip'", limits));

        Assert.True(bomb.Length < 1024 * 1024);
        Assert.Contains("zip bomb", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxUncompressedBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_TooManyEntries_Refused()
    {
        var limits = new ModelRegistryOptions { MaxZipEntries = 5 };

        var error = Assert.Throws<BatchPredictException>(() => ModelLoader.Inspect(TestModels.FlightDelayBytes, "'model.zip'", limits));

        Assert.Contains("MaxZipEntries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_FileOverCompressedLimit_Refused()
    {
        var limits = new ModelRegistryOptions { MaxCompressedBytes = 1024 };

        var error = Assert.Throws<BatchPredictException>(() => ModelLoader.Inspect(TestModels.FlightDelayBytes, "'model.zip'", limits));

        Assert.Contains("MaxCompressedBytes", error.Message, StringComparison.Ordinal);
    }
}
