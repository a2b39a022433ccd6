using System.Globalization;
using TradingActors.Domain.Risk;

namespace TradingActors.Actors.Risk;

/// <summary>
/// Reads one policy block of <c>hocon/risk-policy.conf</c> (<c>default</c>, or a strategy's block already merged over
/// it) into a <see cref="RiskPolicy"/>. Stricter than HOCON's getters, because a typo in a risk limit must not pass
/// silently: unknown keys are refused (HOCON would ignore <c>hysteresys</c> and leave the default in force), a
/// duration needs a unit (HOCON reads a bare <c>30</c> as 30 milliseconds) and a count must be whole (a getter would
/// truncate 2.5 to 2). Scalars are text to Akka's parser, so <c>"0.5"</c> reads as 0.5, and values may come from
/// substitutions.
/// </summary>
/// <remarks>
/// Problems are named as <see cref="RiskPolicy"/> names them: by key relative to the block, with list indexes
/// (<c>drawdown.ladder[1].at</c>). Every problem of the block is collected: a value that cannot be read is replaced by
/// the default's for the policy's own checks, so the other values are still checked; it never reaches a policy, since
/// any problem throws.
/// </remarks>
internal sealed class PolicyBlockReader
{
    private static readonly string[] PolicyKeys = ["consecutive-losses", "drawdown", "daily-loss", "recovery"];
    private static readonly string[] ConsecutiveLossesKeys = ["ladder"];
    private static readonly string[] DrawdownKeys = ["ladder", "hysteresis"];
    private static readonly string[] DailyLossKeys = ["enabled", "limit", "exposure"];
    private static readonly string[] RecoveryKeys = ["cooldown", "wins-per-step"];
    private static readonly string[] RungKeys = ["at", "exposure"];

    private readonly List<string> _problems = [];

    private PolicyBlockReader()
    {
    }

    /// <summary>The policy of <paramref name="block"/>.</summary>
    /// <exception cref="RiskPolicyException">Every problem of the block, keys relative to it: unknown keys and
    /// unreadable values first, then the policy's checks of the values.</exception>
    public static RiskPolicy Read(HoconNode block) => new PolicyBlockReader().Policy(block);

    private RiskPolicy Policy(HoconNode block)
    {
        var fallback = RiskPolicy.Defaults;
        UnknownKeys(block, "", PolicyKeys);

        var lossLadder = fallback.ConsecutiveLosses;
        if (Section(block, "consecutive-losses", ConsecutiveLossesKeys) is { } losses)
        {
            lossLadder = Ladder(losses, "consecutive-losses", fallback.ConsecutiveLosses);
        }

        var drawdownLadder = fallback.Drawdown;
        double? hysteresis = null;
        if (Section(block, "drawdown", DrawdownKeys) is { } drawdown)
        {
            drawdownLadder = Ladder(drawdown, "drawdown", fallback.Drawdown);
            hysteresis = Number(drawdown, "drawdown", "hysteresis");
        }

        bool? enabled = null;
        double? limit = null;
        double? dailyExposure = null;
        if (Section(block, "daily-loss", DailyLossKeys) is { } daily)
        {
            enabled = Boolean(daily, "daily-loss", "enabled");
            limit = Number(daily, "daily-loss", "limit");
            dailyExposure = Number(daily, "daily-loss", "exposure");
        }

        TimeSpan? cooldown = null;
        int? winsPerStep = null;
        if (Section(block, "recovery", RecoveryKeys) is { } recovery)
        {
            cooldown = Duration(recovery, "recovery", "cooldown");
            winsPerStep = WholeNumber(recovery, "recovery", "wins-per-step");
        }

        RiskPolicy? policy = null;
        try
        {
            policy = new RiskPolicy(
                lossLadder,
                drawdownLadder,
                hysteresis ?? fallback.DrawdownHysteresis,
                new DailyLossLimit(
                    enabled ?? fallback.DailyLoss.Enabled,
                    limit ?? fallback.DailyLoss.Limit,
                    dailyExposure ?? fallback.DailyLoss.Exposure),
                cooldown ?? fallback.Cooldown,
                winsPerStep ?? fallback.WinsPerStep);
        }
        catch (RiskPolicyException e)
        {
            _problems.AddRange(e.Problems);
        }
        if (_problems.Count > 0 || policy is null)
        {
            throw new RiskPolicyException(_problems);
        }
        return policy;
    }

    /// <summary>The object at <paramref name="key"/> with its keys checked, or null (with a problem) when it is missing
    /// or not an object.</summary>
    private HoconNode? Section(HoconNode block, string key, string[] known)
    {
        var v = block.Get(key);
        if (v.IsMissing)
        {
            _problems.Add($"{key}: is missing");
            return null;
        }
        if (v.Kind != HoconNodeKind.Object)
        {
            _problems.Add($"{key}: expected an object {{{string.Join(", ", known)}}}, got {v.Render()}");
            return null;
        }
        UnknownKeys(v, key, known);
        return v;
    }

    /// <summary>The ladder at <c>sectionKey.ladder</c>, or <paramref name="fallback"/> (with problems) when any of it
    /// cannot be read.</summary>
    private Ladder Ladder(HoconNode section, string sectionKey, Ladder fallback)
    {
        var key = sectionKey + ".ladder";
        var v = section.Get("ladder");
        if (v.IsMissing)
        {
            _problems.Add($"{key}: is missing");
            return fallback;
        }
        if (v.Kind != HoconNodeKind.List)
        {
            _problems.Add($"{key}: expected a list of rungs {{at, exposure}}, got {v.Render()}");
            return fallback;
        }
        var before = _problems.Count;
        var rungs = new List<Rung>();
        for (var i = 0; i < v.Items.Count; i++)
        {
            var rungKey = $"{key}[{i.ToString(CultureInfo.InvariantCulture)}]";
            var r = v.Items[i];
            if (r.Kind != HoconNodeKind.Object)
            {
                _problems.Add($"{rungKey}: expected a rung {{at, exposure}}, got {r.Render()}");
                continue;
            }
            UnknownKeys(r, rungKey, RungKeys);
            var at = Number(r, rungKey, "at");
            var exposure = Number(r, rungKey, "exposure");
            if (at is { } t && exposure is { } x)
            {
                rungs.Add(new Rung(t, x));
            }
        }
        // A ladder with a rung missing would shift the indexes the policy names; check the fallback instead.
        return _problems.Count == before ? new Ladder(rungs) : fallback;
    }

    private double? Number(HoconNode parent, string parentKey, string key)
    {
        var v = Present(parent, parentKey, key);
        if (v is null)
        {
            return null;
        }
        if (ParseNumber(v) is { } number)
        {
            return number;
        }
        _problems.Add($"{Child(parentKey, key)}: expected a number, got {v.Render()}");
        return null;
    }

    private int? WholeNumber(HoconNode parent, string parentKey, string key)
    {
        if (Number(parent, parentKey, key) is not { } d)
        {
            return null;
        }
        if (d != Math.Round(d) || d < int.MinValue || d > int.MaxValue)
        {
            _problems.Add($"{Child(parentKey, key)}: expected a whole number, got {parent.Get(key).Render()}");
            return null;
        }
        return (int)d;
    }

    private bool? Boolean(HoconNode parent, string parentKey, string key)
    {
        var v = Present(parent, parentKey, key);
        if (v is null)
        {
            return null;
        }
        // HOCON's booleans, case-sensitive as in the spec.
        switch (v.Kind == HoconNodeKind.Scalar ? v.Text : null)
        {
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                _problems.Add($"{Child(parentKey, key)}: expected true or false, got {v.Render()}");
                return null;
        }
    }

    private TimeSpan? Duration(HoconNode parent, string parentKey, string key)
    {
        var v = Present(parent, parentKey, key);
        if (v is null)
        {
            return null;
        }
        // HOCON reads a number without a unit as milliseconds: `cooldown = 30` meant as minutes would be 30 ms.
        if (v.Kind == HoconNodeKind.Scalar && v.Text!.Any(char.IsLetter) && HoconDuration.TryParse(v.Text!, out var d))
        {
            return d;
        }
        _problems.Add(
            $"{Child(parentKey, key)}: expected a duration with a unit (e.g. 30 minutes), got {v.Render()}");
        return null;
    }

    /// <summary>The value at <paramref name="key"/>, or null (with a problem) when it is missing.</summary>
    private HoconNode? Present(HoconNode parent, string parentKey, string key)
    {
        var v = parent.Get(key);
        if (v.IsMissing)
        {
            _problems.Add($"{Child(parentKey, key)}: is missing");
            return null;
        }
        return v;
    }

    private void UnknownKeys(HoconNode obj, string objectKey, string[] known)
    {
        foreach (var k in obj.Fields.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal))
        {
            _problems.Add($"{Child(objectKey, k)}: unknown key (known: {string.Join(", ", known)})");
        }
    }

    /// <summary>A finite number from a scalar (HOCON converts numeric strings); null for anything else. NaN and the
    /// infinities are refused, though Java's parser took them.</summary>
    private static double? ParseNumber(HoconNode v)
    {
        if (v.Kind != HoconNodeKind.Scalar)
        {
            return null;
        }
        var parsed = double.TryParse(v.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d);
        return parsed && double.IsFinite(d) ? d : null;
    }

    /// <summary><paramref name="key"/> under <paramref name="parentKey"/>, quoted when it would not read back as one
    /// key (e.g. it has a dot).</summary>
    internal static string Child(string parentKey, string key)
    {
        var k = PathElement(key);
        return parentKey.Length == 0 ? k : parentKey + "." + k;
    }

    /// <summary>A key as one element of a HOCON path: as is when made of letters, digits, '-' and '_' only, else
    /// quoted.</summary>
    internal static string PathElement(string key) =>
        key.Length > 0 && key.All(c => char.IsLetterOrDigit(c) || c is '-' or '_') ? key : HoconNode.Quote(key);
}
