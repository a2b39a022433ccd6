using System.Text;

namespace TradingActors.Domain.Tests.Input;

/// <summary>A fresh directory for one test's input files, deleted with the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("trading-actors-input-").FullName;

    /// <summary>Writes the text as UTF-8 without a byte-order mark; returns the file's path.</summary>
    public string Write(string name, string content) => Write(name, Encoding.UTF8.GetBytes(content));

    public string Write(string name, byte[] content)
    {
        var file = Resolve(name);
        File.WriteAllBytes(file, content);
        return file;
    }

    public string Resolve(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
