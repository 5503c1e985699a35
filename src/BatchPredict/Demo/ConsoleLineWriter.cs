using System.Text;
using Spectre.Console;

namespace BatchPredict.Demo;

/// <summary>A TextWriter that hands each line to a Spectre console as plain text, so code that logs to a TextWriter
/// (the samples' training) prints through the demo's console.</summary>
internal sealed class ConsoleLineWriter(IAnsiConsole console) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            Flush();
        }
        else if (value != '\r')
        {
            _line.Append(value);
        }
    }

    public override void Flush()
    {
        if (_line.Length > 0)
        {
            console.WriteLine("  " + _line);
            _line.Clear();
        }
    }

    protected override void Dispose(bool disposing)
    {
        Flush();
        base.Dispose(disposing);
    }
}
