using System.Globalization;

namespace TradingActors.Benchmarks;

/// <summary>
/// The arguments of the hand-rolled bench commands (<c>report-e2e</c>, <c>journal</c>): positional words, then
/// <c>--name value</c> options, each checked against the names the command knows.
/// </summary>
public sealed class BenchArgs
{
    private readonly List<string> _words = [];
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    /// <exception cref="ArgumentException">an unknown option, or one without a value</exception>
    public BenchArgs(string[] args, params string[] knownOptions)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                _words.Add(args[i]);
                continue;
            }
            var name = args[i][2..];
            if (!knownOptions.Contains(name))
            {
                throw new ArgumentException($"unknown option --{name} (known: {string.Join(", ", knownOptions.Select(o => "--" + o))})");
            }
            _options[name] = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"--{name} needs a value");
        }
    }

    /// <summary>The positional word at <paramref name="index"/>, or <paramref name="fallback"/>.</summary>
    public string Word(int index, string fallback) => index < _words.Count ? _words[index] : fallback;

    /// <summary>The positional number at <paramref name="index"/>, or <paramref name="fallback"/>.</summary>
    public int Int(int index, int fallback) => index < _words.Count ? Parse(_words[index], $"argument {index + 1}") : fallback;

    /// <summary>The number of option <c>--<paramref name="name"/></c>, or <paramref name="fallback"/>.</summary>
    public int Int(string name, int fallback) => _options.TryGetValue(name, out var v) ? Parse(v, "--" + name) : fallback;

    private static int Parse(string text, string what) =>
        int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{what}: a positive whole number, got '{text}'");
}
