using BatchPredict.Cli;

namespace BatchPredict.Tests.Cli;

public class ImportCommandTests
{
    [Fact]
    public void Parse_AllOptions_NoErrors()
    {
        var parse = CliApp.Build().Parse(
            ["import", "--collection", "flights", "--file", "f.parquet", "--format", "parquet", "--batch-size", "500", "--rows", "10", "--drop"]);

        Assert.Empty(parse.Errors);
        Assert.Equal("import", parse.CommandResult.Command.Name);
    }

    [Theory]
    [InlineData("--file", "f.csv")]
    [InlineData("--collection", "c")]
    public void Parse_RequiredOptionMissing_Error(string name, string value)
    {
        var parse = CliApp.Build().Parse(["import", name, value]);

        Assert.NotEmpty(parse.Errors);
    }

    [Theory]
    [InlineData("--batch-size", "0", "--batch-size must be at least 1.")]
    [InlineData("--rows", "-1", "--rows must be at least 0.")]
    public void Parse_OutOfRangeNumber_ErrorNamesTheOption(string name, string value, string expected)
    {
        var parse = CliApp.Build().Parse(["import", "--collection", "c", "--file", "f.csv", name, value]);

        Assert.Contains(parse.Errors, e => e.Message == expected);
    }

    [Fact]
    public void Parse_UnknownFormat_Error()
    {
        var parse = CliApp.Build().Parse(["import", "--collection", "c", "--file", "f.csv", "--format", "xml"]);

        Assert.NotEmpty(parse.Errors);
    }
}
