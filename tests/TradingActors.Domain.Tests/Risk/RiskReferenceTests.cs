using System.Globalization;
using System.Text.Json;
using TradingActors.Domain.Risk;

namespace TradingActors.Domain.Tests.Risk;

/// <summary>
/// Parity with the JVM build: every risk decision of its <c>report --json</c> over the reference inputs
/// (<c>Reference/*.json</c>) is re-decided from the figures and time it carries, with the default policy, and written
/// with <see cref="RiskEventJson"/>. The JSON must equal the JVM's key for key, in order, strings exactly (so every
/// reason form that occurs is produced byte for byte) and numbers to 1e-12 relative.
/// </summary>
public sealed class RiskReferenceTests
{
    public static TheoryData<string> Cases =>
        new("daily-loss-midnight", "drawdown-ladder", "losses-only-derived", "multi-beta", "sample", "walk");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_jvm_decision_is_decided_and_written_alike(string name)
    {
        using var reference = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Risk", "Reference", name + ".json")));
        var events = reference.RootElement.GetProperty("risk_events");
        Assert.NotEqual(0, events.GetArrayLength());

        var state = RiskState.Initial;
        var index = 0;
        foreach (var expected in events.EnumerateArray())
        {
            var figures = ReadFigures(expected.GetProperty("figures"));
            var at = ReadInstant(expected.GetProperty("at"))!.Value;
            var decision = RiskRules.Evaluate(RiskPolicy.Defaults, state, figures, at);
            Assert.True(decision is not null, $"{name}[{index}]: no decision at {at:O}");
            using var actual = JsonDocument.Parse(Write(decision));
            AssertSameJson(expected, actual.RootElement, $"{name}[{index}]");
            state = state.Apply(decision);
            index++;
        }
        Assert.Equal(reference.RootElement.GetProperty("exposure").GetDouble(), state.Exposure);
    }

    [Fact]
    public void An_operators_halt_before_any_snapshot_is_written_with_null_figures()
    {
        var at = new DateTimeOffset(2025, 3, 3, 10, 0, 0, 250, TimeSpan.Zero);
        var halt = RiskRules.Halt(RiskState.Initial, "desk \"review\"", null, at)!;
        using var json = JsonDocument.Parse(Write(halt));
        var root = json.RootElement;
        Assert.Equal(
            ["type", "from", "to", "rule", "reason", "snapshot_sequence_nr", "figures", "at", "limits"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("exposure_changed", root.GetProperty("type").GetString());
        Assert.Equal("manual_halt", root.GetProperty("rule").GetString());
        Assert.Equal(
            "manual_halt 1 -> 0: halted by an operator: desk \"review\"", root.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("figures").ValueKind);
        Assert.Equal("2025-03-03T10:00:00.250Z", root.GetProperty("at").GetString());
        var limits = root.GetProperty("limits");
        Assert.True(limits.GetProperty("halted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, limits.GetProperty("last_cut_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, limits.GetProperty("daily_loss_day").ValueKind);
        Assert.Equal(-1, limits.GetProperty("win_streak_start").GetInt64());
    }

    [Fact]
    public void A_limit_change_puts_its_rule_before_from_and_figures_without_balances_are_null()
    {
        var inputs = new RiskInputs(7, new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.Zero), 8, 0, 8, null, null,
            new DateOnly(2025, 3, 3), null, -12.5);
        var halted = RiskState.Initial.Apply(RiskRules.Halt(RiskState.Initial, "x", null, inputs.AsOf!.Value)!);
        var decision = Assert.IsType<LimitChanged>(RiskRules.Evaluate(RiskPolicy.Defaults, halted, inputs,
            inputs.AsOf.Value));
        using var json = JsonDocument.Parse(Write(decision));
        var root = json.RootElement;
        Assert.Equal(
            ["type", "rule", "from", "to", "reason", "snapshot_sequence_nr", "figures", "at", "limits"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("limit_changed", root.GetProperty("type").GetString());
        var figures = root.GetProperty("figures");
        Assert.Equal(
            ["sequence_nr", "as_of", "total_trades", "consecutive_wins", "consecutive_losses", "current_balance",
                "current_drawdown", "day", "day_opening_balance", "day_net_pnl"],
            figures.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, figures.GetProperty("current_balance").ValueKind);
        Assert.Equal(JsonValueKind.Null, figures.GetProperty("current_drawdown").ValueKind);
        Assert.Equal(JsonValueKind.Null, figures.GetProperty("day_opening_balance").ValueKind);
        Assert.Equal("2025-03-03", figures.GetProperty("day").GetString());
        Assert.Equal(-12.5, figures.GetProperty("day_net_pnl").GetDouble());
        Assert.Equal(
            ["consecutive_losses", "drawdown", "daily_loss", "halted", "last_cut_at", "daily_loss_day",
                "win_streak_start", "wins_credited"],
            root.GetProperty("limits").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Doubles_are_written_so_that_they_round_trip()
    {
        var x = 0.1 + 0.2;
        var inputs = new RiskInputs(1, DateTimeOffset.UnixEpoch, 0, 0, 0, 1e-300 + 12_345.678901234567, x, null, null,
            -0.0);
        var ms = new MemoryStream();
        using (var writer = new Utf8JsonWriter(ms))
        {
            RiskEventJson.WriteFigures(writer, inputs);
        }
        using var json = JsonDocument.Parse(ms.ToArray());
        Assert.Equal(x, json.RootElement.GetProperty("current_drawdown").GetDouble());
        Assert.Equal(inputs.CurrentBalance, json.RootElement.GetProperty("current_balance").GetDouble());
        Assert.Equal("1970-01-01T00:00:00Z", json.RootElement.GetProperty("as_of").GetString());
    }

    private static byte[] Write(RiskEvent riskEvent)
    {
        var ms = new MemoryStream();
        using (var writer = new Utf8JsonWriter(ms))
        {
            RiskEventJson.Write(writer, riskEvent);
        }
        return ms.ToArray();
    }

    private static RiskInputs ReadFigures(JsonElement f) => new(
        f.GetProperty("sequence_nr").GetInt64(),
        ReadInstant(f.GetProperty("as_of")),
        f.GetProperty("total_trades").GetInt64(),
        f.GetProperty("consecutive_wins").GetInt64(),
        f.GetProperty("consecutive_losses").GetInt64(),
        ReadDouble(f.GetProperty("current_balance")),
        ReadDouble(f.GetProperty("current_drawdown")),
        f.GetProperty("day").ValueKind == JsonValueKind.Null
            ? null
            : DateOnly.ParseExact(f.GetProperty("day").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        ReadDouble(f.GetProperty("day_opening_balance")),
        f.GetProperty("day_net_pnl").GetDouble());

    private static double? ReadDouble(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetDouble();

    private static DateTimeOffset? ReadInstant(JsonElement e) => e.ValueKind == JsonValueKind.Null
        ? null
        : DateTimeOffset.Parse(e.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static void AssertSameJson(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind == JsonValueKind.Number)
        {
            Assert.True(actual.ValueKind == JsonValueKind.Number, $"{path}: expected a number, got {actual}");
            var e = expected.GetDouble();
            var a = actual.GetDouble();
            Assert.True(e == a || Math.Abs(e - a) <= 1e-12 * Math.Max(Math.Abs(e), Math.Abs(a)),
                $"{path}: expected {e:R}, got {a:R}");
            return;
        }
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: expected {expected}, got {actual}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).ToList();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).ToList();
                Assert.True(expectedNames.SequenceEqual(actualNames),
                    $"{path}: keys {string.Join(",", actualNames)}, expected {string.Join(",", expectedNames)}");
                foreach (var p in expected.EnumerateObject())
                {
                    AssertSameJson(p.Value, actual.GetProperty(p.Name), $"{path}.{p.Name}");
                }
                break;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    AssertSameJson(expected[i], actual[i], $"{path}[{i}]");
                }
                break;
            case JsonValueKind.String:
                Assert.True(expected.GetString() == actual.GetString(),
                    $"{path}: expected \"{expected.GetString()}\", got \"{actual.GetString()}\"");
                break;
            default:
                break; // true, false, null: the kinds are equal
        }
    }
}
