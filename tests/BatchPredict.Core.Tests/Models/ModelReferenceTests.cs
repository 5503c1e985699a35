using BatchPredict.Core.Models;

namespace BatchPredict.Core.Tests.Models;

public sealed class ModelReferenceTests
{
    [Fact]
    public void Parse_NameAndVersion_IsExactVersion()
    {
        var reference = ModelReference.Parse("flight-delay:7");

        Assert.Equal("flight-delay", reference.Name);
        Assert.Equal(7, reference.Version);
        Assert.Null(reference.Alias);
        Assert.Equal("flight-delay:7", reference.ToString());
    }

    [Fact]
    public void Parse_NameAndAlias_IsAlias()
    {
        var reference = ModelReference.Parse("flight-delay@staging");

        Assert.Equal("flight-delay", reference.Name);
        Assert.Null(reference.Version);
        Assert.Equal("staging", reference.Alias);
        Assert.Equal("flight-delay@staging", reference.ToString());
    }

    [Fact]
    public void Parse_BareName_MeansProductionAlias()
    {
        var reference = ModelReference.Parse("flight-delay");

        Assert.Equal(ModelReference.ForAlias("flight-delay", "production"), reference);
        Assert.False(reference.IsExactVersion);
    }

    [Theory]
    [InlineData("flight-delay:0")]
    [InlineData("flight-delay:-1")]
    [InlineData("flight-delay:seven")]
    [InlineData("flight-delay:")]
    [InlineData("flight-delay@")]
    [InlineData("flight-delay@7up")]
    [InlineData("flight-delay:7@production")]
    [InlineData(":7")]
    [InlineData("")]
    [InlineData("flight delay")]
    [InlineData("-flight")]
    public void Parse_Malformed_ThrowsNamingTheReference(string text)
    {
        var error = Assert.Throws<BatchPredictException>(() => ModelReference.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("name:version or name@alias", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForVersion_ZeroVersion_Throws()
    {
        Assert.Throws<BatchPredictException>(() => ModelReference.ForVersion("flight-delay", 0));
    }
}
