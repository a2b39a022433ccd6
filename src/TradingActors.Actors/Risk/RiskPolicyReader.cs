using Akka.Configuration.Hocon;
using Akka.Configuration;
using TradingActors.Domain.Risk;
using TradingActors.Domain;

namespace TradingActors.Actors.Risk;

/// <summary>
/// Reads the risk policies of <c>trading-actors.risk</c> (the format of <c>hocon/risk-policy.conf</c>) with Akka.NET's
/// HOCON parser. A strategy's block is merged over <c>default</c> key by key; a ladder given there replaces the
/// default's whole ladder (HOCON merges objects, never lists).
/// </summary>
/// <remarks>
/// Everything is checked at once: a bad policy throws one <see cref="RiskPolicyException"/> listing every problem of
/// every block, each named by its full key (<c>trading-actors.risk.strategies."btc.momentum".drawdown.ladder[0]
/// .exposure: 1.5 is outside [0, 1]</c>); strategy ids are always quoted, since they may contain dots. What a
/// strategy's block inherits from a broken default is reported once, under <c>default</c>. Unknown keys are refused
/// at every level, durations need a unit, counts must be whole.
/// </remarks>
public static class RiskPolicyReader
{
    /// <summary>Where the policies are in a node's configuration.</summary>
    public const string SectionPath = "trading-actors.risk";

    /// <summary>The name of the embedded <c>hocon/risk-policy.conf</c> in this assembly.</summary>
    public const string BundledResourceName = "TradingActors.risk-policy.conf";

    private static readonly string[] SectionKeys = ["default", "strategies"];

    /// <summary>How deep includes may nest (a file including itself stops here).</summary>
    private const int MaxIncludeDepth = 16;

    /// <summary>The text of the bundled <c>hocon/risk-policy.conf</c>.</summary>
    public static string BundledHocon()
    {
        using var stream = typeof(RiskPolicyReader).Assembly.GetManifestResourceStream(BundledResourceName)
            ?? throw new InvalidOperationException($"resource {BundledResourceName} is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The bundled <c>hocon/risk-policy.conf</c> as a configuration, to fall back on in a node's.</summary>
    public static Config BundledConfig() => ConfigurationFactory.ParseString(BundledHocon());

    /// <summary>The policies of the bundled <c>hocon/risk-policy.conf</c> (equal to
    /// <see cref="RiskPolicies.Defaults"/> as shipped).</summary>
    public static RiskPolicies Bundled() => FromTree(Parse(BundledHocon(), BundledResourceName, null));

    /// <summary>
    /// The policies of a file holding a <c>trading-actors.risk</c> block (required), merged over the bundled one (what
    /// <c>report --risk-policy FILE</c> reads). Its <c>include "other.conf"</c> statements are read from beside it.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not
    /// exist).</exception>
    /// <exception cref="RiskPolicyException">The file cannot be parsed, or an include read (one problem naming the
    /// file), or its policies are bad (every problem).</exception>
    public static RiskPolicies ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = File.ReadAllText(path);
        return Over(Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path))), path);
    }

    /// <summary>The policies of HOCON text holding a <c>trading-actors.risk</c> block, merged over the bundled
    /// one. The text may not <c>include</c> other files.</summary>
    /// <param name="hocon">The text.</param>
    /// <param name="source">Where the text comes from, to name in a parse error.</param>
    /// <exception cref="RiskPolicyException">The text cannot be parsed, or its policies are bad.</exception>
    public static RiskPolicies ReadString(string hocon, string source = "risk policy")
    {
        ArgumentNullException.ThrowIfNull(hocon);
        return Over(Parse(hocon, source, null), source);
    }

    /// <summary>The policies of <paramref name="tree"/> over the bundled ones; a tree without the block is refused,
    /// since a policy file that says nothing is a mistake (a misspelt or missing <c>trading-actors.risk</c>).</summary>
    private static RiskPolicies Over(HoconNode tree, string source)
    {
        if (tree.Get("trading-actors").Get("risk").IsMissing)
        {
            throw new RiskPolicyException(
                $"{source}: no {SectionPath} block (a policy file has the format of hocon/risk-policy.conf)");
        }
        return FromTree(tree.MergedOver(BundledTree()));
    }

    /// <summary>
    /// The policies of a node's configuration (its <c>trading-actors.risk</c>); <see cref="RiskPolicies.Defaults"/>
    /// when it has none.
    /// </summary>
    /// <exception cref="RiskPolicyException">Every problem of every block at once, each named by its full
    /// key.</exception>
    public static RiskPolicies Load(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.IsEmpty)
        {
            return RiskPolicies.Defaults;
        }
        return FromSection(HoconNode.From(config.GetValue(SectionPath)));
    }

    private static HoconNode BundledTree() => Parse(BundledHocon(), BundledResourceName, null);

    /// <summary>The tree of <paramref name="hocon"/>; includes are resolved in <paramref name="directory"/> (refused
    /// when null). Akka's parser is lenient: what it cannot read at all it reports with an exception of any
    /// kind.</summary>
    private static HoconNode Parse(string hocon, string source, string? directory)
    {
        try
        {
            return HoconNode.From(ConfigurationFactory.ParseString(hocon, Includes(source, directory, 0)).Root);
        }
        catch (RiskPolicyException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new RiskPolicyException($"{source}: cannot be read as HOCON: {e.Message}", e);
        }
    }

    private static Func<string, HoconRoot> Includes(string source, string? directory, int depth) => name =>
    {
        if (directory is null)
        {
            throw new RiskPolicyException($"{source}: include \"{name}\": includes are only read from a policy file");
        }
        if (depth >= MaxIncludeDepth)
        {
            throw new RiskPolicyException($"{source}: include \"{name}\": includes nest deeper than {MaxIncludeDepth}");
        }
        var path = Path.GetFullPath(Path.Combine(directory, name));
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RiskPolicyException($"{source}: include \"{name}\": {e.Message}", e);
        }
        return Parser.Parse(text, Includes(path, Path.GetDirectoryName(path), depth + 1));
    };

    private static RiskPolicies FromTree(HoconNode root) =>
        FromSection(root.Get("trading-actors").Get("risk"));

    private static RiskPolicies FromSection(HoconNode section)
    {
        if (section.IsMissing)
        {
            return RiskPolicies.Defaults;
        }
        if (section.Kind != HoconNodeKind.Object)
        {
            throw new RiskPolicyException(
                $"{SectionPath}: expected an object {{default, strategies}}, got {section.Render()}");
        }
        var problems = new List<string>();
        foreach (var k in section.Fields.Keys.Where(k => !SectionKeys.Contains(k)).Order(StringComparer.Ordinal))
        {
            problems.Add(
                $"{SectionPath}.{PolicyBlockReader.PathElement(k)}: unknown key (known: "
                + $"{string.Join(", ", SectionKeys)})");
        }

        var defaultBlock = HoconNode.EmptyObject;
        RiskPolicy? defaultPolicy = null;
        var defaultProblems = new HashSet<string>(StringComparer.Ordinal);
        var d = section.Get("default");
        if (d.IsMissing)
        {
            problems.Add($"{SectionPath}.default: is missing");
        }
        else if (d.Kind != HoconNodeKind.Object)
        {
            problems.Add($"{SectionPath}.default: expected an object (a policy block), got {d.Render()}");
        }
        else
        {
            defaultBlock = d;
            try
            {
                defaultPolicy = PolicyBlockReader.Read(defaultBlock);
            }
            catch (RiskPolicyException e)
            {
                defaultProblems.UnionWith(e.Problems);
                problems.AddRange(e.Prefixed($"{SectionPath}.default.").Problems);
            }
        }

        var strategies = new Dictionary<string, RiskPolicy>(StringComparer.Ordinal);
        var s = section.Get("strategies");
        if (!s.IsMissing && s.Kind != HoconNodeKind.Object)
        {
            problems.Add(
                $"{SectionPath}.strategies: expected an object of policy blocks by strategy id, got {s.Render()}");
        }
        else if (!s.IsMissing)
        {
            // The object's keys, never paths: an id's dots are part of the id.
            foreach (var id in s.Fields.Keys.Order(StringComparer.Ordinal))
            {
                var key = $"{SectionPath}.strategies.{HoconNode.Quote(id)}";
                if (!StrategyIds.IsValid(id))
                {
                    problems.Add($"{key}: not a strategy id (1–64 characters of [A-Za-z0-9._-])");
                }
                var block = s.Fields[id];
                if (block.Kind != HoconNodeKind.Object)
                {
                    problems.Add(
                        $"{key}: expected an object (a policy block merged over default), got {block.Render()}");
                    continue;
                }
                try
                {
                    strategies[id] = PolicyBlockReader.Read(block.MergedOver(defaultBlock));
                }
                catch (RiskPolicyException e)
                {
                    // What the block inherits from a broken default is already reported there, once.
                    problems.AddRange(e.Problems.Where(p => !defaultProblems.Contains(p)).Select(p => $"{key}.{p}"));
                }
            }
        }

        if (problems.Count > 0 || defaultPolicy is null)
        {
            throw new RiskPolicyException(problems);
        }
        return new RiskPolicies(defaultPolicy, strategies);
    }
}
