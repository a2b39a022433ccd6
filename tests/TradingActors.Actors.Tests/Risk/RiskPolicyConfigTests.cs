using Akka.Configuration;
using TradingActors.Actors.Risk;
using TradingActors.Domain.Risk;

namespace TradingActors.Actors.Tests.Risk;

/// <summary>
/// <c>hocon/risk-policy.conf</c> as <see cref="RiskPolicyReader"/> reads it: the shipped file is
/// <see cref="RiskPolicy.Defaults"/>, overrides merge per strategy, and every kind of mistake is refused naming its
/// full key, all of them at once. Ported from the JVM build's <c>RiskPolicyConfigTest</c>
/// (<c>src/actors/src/test/java/io/tradingactors/actors/risk/RiskPolicyConfigTest.java</c>); each test names the Java
/// test it comes from.
/// </summary>
public sealed class RiskPolicyConfigTests
{
    private const string Default = "trading-actors.risk.default.";

    /// <summary>The bundled policy with <paramref name="hocon"/> over it, as an operator's file would be.</summary>
    private static RiskPolicies Load(string hocon) => RiskPolicyReader.ReadString(hocon);

    private static IReadOnlyList<string> Problems(string hocon) =>
        Assert.Throws<RiskPolicyException>(() => Load(hocon)).Problems;

    // ---- the shipped file ----

    // Java: theBundledFileIsTheDefaults
    [Fact]
    public void The_bundled_file_is_the_defaults()
    {
        var policies = RiskPolicyReader.Bundled();
        Assert.Equal(RiskPolicy.Defaults, policies.For("x"));
        Assert.Equal(RiskPolicy.Defaults, policies.For(null));
        Assert.Equal(RiskPolicy.Defaults, policies.Default);
        Assert.Empty(policies.Strategies);
    }

    // Java: everyBundledConfigurationIncludesThePolicy (the part that is this layer's: the embedded resource is the
    // repository's hocon/risk-policy.conf, and a node configuration falling back on it has the policy)
    [Fact]
    public void The_embedded_policy_is_hocon_risk_policy_conf()
    {
        Assert.Equal(File.ReadAllText(Path.Combine(HoconDir(), "risk-policy.conf")), RiskPolicyReader.BundledHocon());
        var node = ConfigurationFactory.ParseString("akka.loglevel = INFO")
            .WithFallback(RiskPolicyReader.BundledConfig());
        Assert.True(node.HasPath("trading-actors.risk.default.recovery.cooldown"));
        var policies = RiskPolicyReader.Load(node);
        Assert.Equal(RiskPolicy.Defaults, policies.Default);
    }

    // Java: noRiskSectionMeansTheDefaults
    [Fact]
    public void No_risk_section_means_the_defaults()
    {
        Assert.Same(RiskPolicies.Defaults, RiskPolicyReader.Load(Config.Empty));
        Assert.Same(RiskPolicies.Defaults, RiskPolicyReader.Load(ConfigurationFactory.ParseString("a = 1")));
    }

    // Not in the Java suite (which read such a file as the defaults): a policy file without the block is a mistake.
    [Fact]
    public void A_policy_text_without_the_risk_block_is_refused()
    {
        Assert.Equal(
            ["risk policy: no trading-actors.risk block (a policy file has the format of hocon/risk-policy.conf)"],
            Problems(""));
        Assert.Single(Problems("risk.default.recovery.wins-per-step = 3"));
    }

    // ---- overrides ----

    // Java: aStrategysBlockMergesOverTheDefaultKeyByKey
    [Fact]
    public void A_strategys_block_merges_over_the_default_key_by_key()
    {
        var policies = Load("""
            trading-actors.risk.strategies {
              "btc.momentum" {
                drawdown.ladder = [ {at = 0.05, exposure = 0.5} ]
                recovery.wins-per-step = 3
              }
            }
            """);

        var btc = policies.For("btc.momentum");
        var d = RiskPolicy.Defaults;
        // The ladder replaces the default's whole (no 0.20 rung left); a key beside it (hysteresis) stays the default.
        Assert.Equal(Ladder.Of(0.05, 0.5), btc.Drawdown);
        Assert.Equal(3, btc.WinsPerStep);
        Assert.Equal(
            new RiskPolicy(d.ConsecutiveLosses, Ladder.Of(0.05, 0.5), d.DrawdownHysteresis, d.DailyLoss, d.Cooldown, 3),
            btc);
        Assert.Equal(d, policies.For("btc"));
        Assert.Equal(d, policies.For("eth.momentum"));
        Assert.Equal(["btc.momentum"], policies.Strategies.Keys);
    }

    // Java: theDefaultBlockCanBeChangedForEveryStrategy
    [Fact]
    public void The_default_block_can_be_changed_for_every_strategy()
    {
        var policies = Load("""
            trading-actors.risk.default {
              daily-loss { enabled = false }
              recovery.cooldown = 2 hours
            }
            trading-actors.risk.strategies { "s1" { daily-loss.enabled = true } }
            """);

        Assert.Equal(new DailyLossLimit(false, 0.05, 0.0), policies.For("x").DailyLoss);
        Assert.Equal(TimeSpan.FromHours(2), policies.For("x").Cooldown);
        // A strategy's block is merged over the default as configured, not over the shipped one.
        Assert.Equal(TimeSpan.FromHours(2), policies.For("s1").Cooldown);
        Assert.Equal(new DailyLossLimit(true, 0.05, 0.0), policies.For("s1").DailyLoss);
    }

    // Not in the Java suite: `report --risk-policy FILE` reads a file merged over the bundled policy.
    [Fact]
    public void A_policy_file_is_read_over_the_bundled_policy()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                # an operator's policy
                trading-actors.risk.default.consecutive-losses.ladder = [ {at = 2, exposure = 0} ]
                trading-actors.risk.default.recovery { cooldown = 90s }
                """);
            var policies = RiskPolicyReader.ReadFile(file);
            Assert.Equal(Ladder.Of(2, 0), policies.Default.ConsecutiveLosses);
            Assert.Equal(TimeSpan.FromSeconds(90), policies.Default.Cooldown);
            Assert.Equal(RiskPolicy.Defaults.Drawdown, policies.Default.Drawdown);
            Assert.Equal(2, policies.Default.WinsPerStep);

            File.WriteAllText(file, "trading-actors.risk.default.drawdown.hysteresys = 0.03");
            var e = Assert.Throws<RiskPolicyException>(() => RiskPolicyReader.ReadFile(file));
            Assert.Equal([Default + "drawdown.hysteresys: unknown key (known: ladder, hysteresis)"], e.Problems);
        }
        finally
        {
            File.Delete(file);
        }
        Assert.Throws<FileNotFoundException>(() => RiskPolicyReader.ReadFile(file));
    }

    // Not in the Java suite: a policy file may include another from beside it; text without a file may not.
    [Fact]
    public void A_policy_file_reads_its_includes_from_beside_it()
    {
        var dir = Directory.CreateTempSubdirectory("risk-policy-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "base.conf"),
                "trading-actors.risk.default.recovery.wins-per-step = 4");
            var main = Path.Combine(dir, "policy.conf");
            File.WriteAllText(main, "include \"base.conf\"\ntrading-actors.risk.default.drawdown.hysteresis = 0.03");
            var policies = RiskPolicyReader.ReadFile(main);
            Assert.Equal(4, policies.Default.WinsPerStep);
            Assert.Equal(0.03, policies.Default.DrawdownHysteresis);

            File.WriteAllText(main, "include \"missing.conf\"\ntrading-actors.risk.default {}");
            var e = Assert.Throws<RiskPolicyException>(() => RiskPolicyReader.ReadFile(main));
            Assert.StartsWith(
                main + ": include \"missing.conf\": ", Assert.Single(e.Problems), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        Assert.Equal(
            ["risk policy: include \"base.conf\": includes are only read from a policy file"],
            Problems("include \"base.conf\""));
    }

    // Not in the Java suite: substitutions resolve, as the JVM build's resolve() did.
    [Fact]
    public void A_value_may_come_from_a_substitution()
    {
        var policies = Load("""
            limits { half = 0.5 }
            trading-actors.risk.default.daily-loss { exposure = ${limits.half} }
            """);
        Assert.Equal(0.5, policies.Default.DailyLoss.Exposure);
    }

    // ---- unknown keys, at every level ----

    // Java: anUnknownKeyUnderTheRiskSectionIsRefused
    [Fact]
    public void An_unknown_key_under_the_risk_section_is_refused() =>
        Assert.Equal(
            ["trading-actors.risk.defaults: unknown key (known: default, strategies)"],
            Problems("trading-actors.risk.defaults {}"));

    // Java: anUnknownKeyInAPolicyBlockIsRefused
    [Fact]
    public void An_unknown_key_in_a_policy_block_is_refused() =>
        Assert.Equal(
            [Default + "max-drawdown: unknown key (known: consecutive-losses, drawdown, daily-loss, recovery)"],
            Problems("trading-actors.risk.default.max-drawdown = 0.3"));

    // Java: anUnknownKeyInASectionIsRefused
    [Fact]
    public void An_unknown_key_in_a_section_is_refused()
    {
        Assert.Equal(
            [Default + "drawdown.hysteresys: unknown key (known: ladder, hysteresis)"],
            Problems("trading-actors.risk.default.drawdown.hysteresys = 0.03"));
        Assert.Equal(
            [Default + "recovery.cooldown-minutes: unknown key (known: cooldown, wins-per-step)"],
            Problems("trading-actors.risk.default.recovery.cooldown-minutes = 30"));
    }

    // Java: anUnknownKeyInARungIsRefused
    [Fact]
    public void An_unknown_key_in_a_rung_is_refused() =>
        Assert.Equal(
            [Default + "drawdown.ladder[0].exposur: unknown key (known: at, exposure)"],
            Problems("trading-actors.risk.default.drawdown.ladder = [ {at = 0.1, exposure = 0.5, exposur = 0} ]"));

    // Java: anUnknownKeyInAStrategysBlockIsRefusedUnderItsId
    [Fact]
    public void An_unknown_key_in_a_strategys_block_is_refused_under_its_id() =>
        Assert.Equal(
            ["trading-actors.risk.strategies.\"btc.momentum\".daily-loss.limits: unknown key (known: enabled, limit,"
                + " exposure)"],
            Problems("trading-actors.risk.strategies { \"btc.momentum\" { daily-loss.limits = 0.1 } }"));

    // Java: anUnquotedDottedIdNestsUnderAnotherIdAndIsRefused
    [Fact]
    public void An_unquoted_dotted_id_nests_under_another_id_and_is_refused() =>
        // HOCON reads `btc.momentum { ... }` as strategy "btc" with a key "momentum": refused, not silently ignored.
        Assert.Equal(
            ["trading-actors.risk.strategies.\"btc\".momentum: unknown key (known: consecutive-losses, drawdown,"
                + " daily-loss, recovery)"],
            Problems("trading-actors.risk.strategies { btc.momentum { drawdown.hysteresis = 0.05 } }"));

    // ---- values, checked by RiskPolicy and named by their full key ----

    // Java: thresholdsMustRise
    [Fact]
    public void Thresholds_must_rise() =>
        Assert.Equal(
            [Default + "drawdown.ladder[1].at: 0.1 is not above the previous rung's 0.2 (thresholds must rise from rung"
                + " to rung)"],
            Problems("trading-actors.risk.default.drawdown.ladder = [ {at = 0.2, exposure = 0.5}, {at = 0.1,"
                + " exposure = 0} ]"));

    // Java: exposuresMustFall
    [Fact]
    public void Exposures_must_fall() =>
        Assert.Equal(
            [Default + "consecutive-losses.ladder[1].exposure: 0.5 is not below the previous rung's 0.25 (a ladder must"
                + " cut deeper as it goes)"],
            Problems("trading-actors.risk.default.consecutive-losses.ladder = [ {at = 3, exposure = 0.25},"
                + " {at = 5, exposure = 0.5} ]"));

    // Java: anExposureMustBeAFractionOfFullSize
    [Fact]
    public void An_exposure_must_be_a_fraction_of_full_size()
    {
        Assert.Equal(
            [Default + "drawdown.ladder[0].exposure: 1.5 is outside [0, 1]"],
            Problems("trading-actors.risk.default.drawdown.ladder = [ {at = 0.1, exposure = 1.5} ]"));
        Assert.Equal(
            [Default + "drawdown.ladder[0].exposure: -0.1 is outside [0, 1]"],
            Problems("trading-actors.risk.default.drawdown.ladder = [ {at = 0.1, exposure = -0.1} ]"));
    }

    // Java: aLossesThresholdMustBeAWholeNumberOfTrades
    [Fact]
    public void A_losses_threshold_must_be_a_whole_number_of_trades() =>
        Assert.Equal(
            [Default + "consecutive-losses.ladder[0].at: 2.5 is not a whole number of trades of at least 1"],
            Problems("trading-actors.risk.default.consecutive-losses.ladder = [ {at = 2.5, exposure = 0.5} ]"));

    // Java: aDrawdownThresholdMustBeAFractionAboveZero
    [Fact]
    public void A_drawdown_threshold_must_be_a_fraction_above_zero()
    {
        Assert.Equal(
            [Default + "drawdown.ladder[0].at: 0.0 is outside (0, 1]"],
            Problems("trading-actors.risk.default.drawdown.ladder = [ {at = 0, exposure = 0.5} ]"));
        Assert.Equal(
            [Default + "drawdown.ladder[0].at: 1.2 is outside (0, 1]"],
            Problems("trading-actors.risk.default.drawdown.ladder = [ {at = 1.2, exposure = 0.5} ]"));
    }

    // Java: hysteresisMustBeBelowOne
    [Fact]
    public void Hysteresis_must_be_below_one() =>
        Assert.Equal(
            [Default + "drawdown.hysteresis: 1.0 is outside [0, 1)"],
            Problems("trading-actors.risk.default.drawdown.hysteresis = 1.0"));

    // Java: theDailyLimitMustBeAboveZero
    [Fact]
    public void The_daily_limit_must_be_above_zero() =>
        Assert.Equal(
            [Default + "daily-loss.limit: 0.0 is outside (0, 1]"],
            Problems("trading-actors.risk.default.daily-loss.limit = 0"));

    // Java: winsPerStepMustBeAtLeastOne
    [Fact]
    public void Wins_per_step_must_be_at_least_one() =>
        Assert.Equal(
            [Default + "recovery.wins-per-step: 0 must be at least 1"],
            Problems("trading-actors.risk.default.recovery.wins-per-step = 0"));

    // Java: theCooldownMustNotBeNegative
    [Fact]
    public void The_cooldown_must_not_be_negative() =>
        Assert.Equal(
            [Default + "recovery.cooldown: PT-5M must be zero or more"],
            Problems("trading-actors.risk.default.recovery.cooldown = -5 minutes"));

    // Java: aStrategysBadValueIsNamedUnderItsQuotedId
    [Fact]
    public void A_strategys_bad_value_is_named_under_its_quoted_id() =>
        Assert.Equal(
            ["trading-actors.risk.strategies.\"btc.momentum\".drawdown.ladder[0].exposure: 1.5 is outside [0, 1]"],
            Problems("trading-actors.risk.strategies { \"btc.momentum\" { drawdown.ladder = [ {at = 0.05,"
                + " exposure = 1.5} ] } }"));

    // ---- types ----

    // Java: aStringWhereANumberIsNeededIsRefused
    [Fact]
    public void A_string_where_a_number_is_needed_is_refused() =>
        Assert.Equal(
            [Default + "daily-loss.limit: expected a number, got \"five percent\""],
            Problems("trading-actors.risk.default.daily-loss.limit = \"five percent\""));

    // Not in the Java suite: HOCON converts a numeric string (values may come from environment variables), but a
    // number that is not finite is refused (the JVM's parser took NaN and Infinity).
    [Fact]
    public void A_numeric_string_is_a_number_but_not_a_non_finite_one()
    {
        Assert.Equal(0.07, Load("trading-actors.risk.default.daily-loss.limit = \"0.07\"").Default.DailyLoss.Limit);
        Assert.Equal(
            [Default + "daily-loss.limit: expected a number, got \"NaN\""],
            Problems("trading-actors.risk.default.daily-loss.limit = NaN"));
        Assert.Equal(
            [Default + "drawdown.hysteresis: expected a number, got \"Infinity\""],
            Problems("trading-actors.risk.default.drawdown.hysteresis = Infinity"));
    }

    // Java: aRungWithoutAThresholdIsRefused
    [Fact]
    public void A_rung_without_a_threshold_is_refused() =>
        Assert.Equal(
            [Default + "drawdown.ladder[1].at: is missing"],
            Problems("trading-actors.risk.default.drawdown.ladder = [ {at = 0.1, exposure = 0.5}, {exposure = 0} ]"));

    // Java: aRungThatIsNotAnObjectIsRefused
    [Fact]
    public void A_rung_that_is_not_an_object_is_refused() =>
        Assert.Equal(
            [Default + "drawdown.ladder[0]: expected a rung {at, exposure}, got 0.1"],
            Problems("trading-actors.risk.default.drawdown.ladder = [ 0.1 ]"));

    // Java: aLadderThatIsNotAListIsRefused
    [Fact]
    public void A_ladder_that_is_not_a_list_is_refused() =>
        Assert.Equal(
            [Default + "consecutive-losses.ladder: expected a list of rungs {at, exposure}, got"
                + " {\"at\":3,\"exposure\":0.5}"],
            Problems("trading-actors.risk.default.consecutive-losses.ladder { at = 3, exposure = 0.5 }"));

    // Not in the Java suite: an empty ladder never cuts, and is a valid policy.
    [Fact]
    public void An_empty_ladder_is_valid() =>
        Assert.Equal(Ladder.None, Load("trading-actors.risk.default.drawdown.ladder = []").Default.Drawdown);

    // Java: aCooldownMustBeADurationWithAUnit
    [Fact]
    public void A_cooldown_must_be_a_duration_with_a_unit()
    {
        // HOCON would read a bare 30 as 30 milliseconds.
        Assert.Equal(
            [Default + "recovery.cooldown: expected a duration with a unit (e.g. 30 minutes), got 30"],
            Problems("trading-actors.risk.default.recovery.cooldown = 30"));
        Assert.Equal(
            [Default + "recovery.cooldown: expected a duration with a unit (e.g. 30 minutes), got \"soon\""],
            Problems("trading-actors.risk.default.recovery.cooldown = soon"));
        Assert.Equal(
            [Default + "recovery.cooldown: expected a duration with a unit (e.g. 30 minutes), got \"30 fortnights\""],
            Problems("trading-actors.risk.default.recovery.cooldown = 30 fortnights"));
    }

    // Not in the Java suite: HOCON's duration units, short and long, singular and plural, fractions allowed.
    [Theory]
    [InlineData("30 minutes", 30 * 60_000L)]
    [InlineData("30m", 30 * 60_000L)]
    [InlineData("1 minute", 60_000L)]
    [InlineData("2h", 7_200_000L)]
    [InlineData("1.5 hours", 5_400_000L)]
    [InlineData("1 day", 86_400_000L)]
    [InlineData("45 s", 45_000L)]
    [InlineData("250 millis", 250L)]
    [InlineData("250ms", 250L)]
    [InlineData("0 seconds", 0L)]
    public void A_cooldown_takes_hocon_duration_units(string cooldown, long milliseconds) =>
        Assert.Equal(
            TimeSpan.FromMilliseconds(milliseconds),
            Load($"trading-actors.risk.default.recovery.cooldown = {cooldown}").Default.Cooldown);

    // Java: winsPerStepMustBeWhole
    [Fact]
    public void Wins_per_step_must_be_whole() =>
        // A getter of int would truncate 2.5 to 2.
        Assert.Equal(
            [Default + "recovery.wins-per-step: expected a whole number, got 2.5"],
            Problems("trading-actors.risk.default.recovery.wins-per-step = 2.5"));

    // Java: aSectionThatIsNotAnObjectIsRefused
    [Fact]
    public void A_section_that_is_not_an_object_is_refused() =>
        Assert.Equal(
            [Default + "daily-loss: expected an object {enabled, limit, exposure}, got 0.05"],
            Problems("trading-actors.risk.default.daily-loss = 0.05"));

    // Java: aBooleanMustBeABoolean
    [Fact]
    public void A_boolean_must_be_a_boolean()
    {
        Assert.Equal(
            [Default + "daily-loss.enabled: expected true or false, got 1"],
            Problems("trading-actors.risk.default.daily-loss.enabled = 1"));
        Assert.False(Load("trading-actors.risk.default.daily-loss.enabled = off").Default.DailyLoss.Enabled);
    }

    // Not in the Java suite: a missing value (HOCON null) is named.
    [Fact]
    public void A_null_value_is_missing() =>
        Assert.Equal(
            [Default + "drawdown.hysteresis: is missing"],
            Problems("trading-actors.risk.default.drawdown.hysteresis = null"));

    // ---- strategy ids ----

    // Java: aBlockUnderSomethingThatIsNotAStrategyIdIsRefused
    [Fact]
    public void A_block_under_something_that_is_not_a_strategy_id_is_refused()
    {
        Assert.Equal(
            ["trading-actors.risk.strategies.\"btc momentum\": not a strategy id (1–64 characters of [A-Za-z0-9._-])"],
            Problems("trading-actors.risk.strategies { \"btc momentum\" { recovery.wins-per-step = 3 } }"));
        Assert.Single(Problems("trading-actors.risk.strategies { \"" + new string('s', 65) + "\" {} }"));
        Assert.Single(Load("trading-actors.risk.strategies { \"" + new string('s', 64) + "\" {} }").Strategies);
    }

    // Java: aStrategysBlockMustBeAnObject
    [Fact]
    public void A_strategys_block_must_be_an_object() =>
        Assert.Equal(
            ["trading-actors.risk.strategies.\"s1\": expected an object (a policy block merged over default), got 0.5"],
            Problems("trading-actors.risk.strategies { s1 = 0.5 }"));

    // ---- all at once ----

    // Java: everyProblemOfEveryBlockIsReportedAtOnce
    [Fact]
    public void Every_problem_of_every_block_is_reported_at_once()
    {
        var problems = Problems("""
            trading-actors.risk {
              default {
                drawdown { hysteresis = 1.0, hysteresys = 0.03 }
                daily-loss.limit = 0
                recovery.cooldown = 30
              }
              strategies {
                "btc.momentum" { consecutive-losses.ladder = [ {at = 2.5, exposure = 0.5} ] }
                "eth" { recovery.wins-per-step = 0 }
              }
            }
            """);

        // Each strategy inherits the default's bad values; they are reported once, under default.
        Assert.Equal(
            [
                Default + "drawdown.hysteresys: unknown key (known: ladder, hysteresis)",
                Default + "recovery.cooldown: expected a duration with a unit (e.g. 30 minutes), got 30",
                Default + "drawdown.hysteresis: 1.0 is outside [0, 1)",
                Default + "daily-loss.limit: 0.0 is outside (0, 1]",
                "trading-actors.risk.strategies.\"btc.momentum\".consecutive-losses.ladder[0].at: 2.5 is not a whole"
                + " number of trades of at least 1",
                "trading-actors.risk.strategies.\"eth\".recovery.wins-per-step: 0 must be at least 1",
            ],
            problems);
    }

    // Java: theExceptionsMessageNamesEveryProblem
    [Fact]
    public void The_exceptions_message_names_every_problem()
    {
        var e = Assert.Throws<RiskPolicyException>(
            () => Load("trading-actors.risk.default { drawdown.hysteresis = 1.0, daily-loss.limit = 0 }"));
        Assert.Equal(
            "invalid risk policy: " + Default + "drawdown.hysteresis: 1.0 is outside [0, 1); " + Default
            + "daily-loss.limit: 0.0 is outside (0, 1]",
            e.Message);
    }

    // Not in the Java suite: a risk section that is not an object, and a missing default.
    [Fact]
    public void A_risk_section_that_is_not_an_object_or_has_no_default_is_refused()
    {
        var e = Assert.Throws<RiskPolicyException>(
            () => RiskPolicyReader.Load(ConfigurationFactory.ParseString("trading-actors.risk = 5")));
        Assert.Equal(["trading-actors.risk: expected an object {default, strategies}, got 5"], e.Problems);
        var noDefault = Assert.Throws<RiskPolicyException>(() => RiskPolicyReader.Load(
            ConfigurationFactory.ParseString("trading-actors.risk { strategies {} }")));
        Assert.Equal(["trading-actors.risk.default: is missing"], noDefault.Problems);
    }

    // Java: aNodeRefusesToStartOnABadPolicyBeforeTouchingTheJournal is not ported here: the node's start-up belongs to
    // the layer that composes the node; RiskPolicyReader.Load throws before anything else is read.

    /// <summary>The repository's hocon/, found upwards from the test's directory.</summary>
    private static string HoconDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var hocon = Path.Combine(dir.FullName, "hocon");
            if (File.Exists(Path.Combine(hocon, "risk-policy.conf")))
            {
                return hocon;
            }
        }
        throw new InvalidOperationException("no hocon/risk-policy.conf above " + AppContext.BaseDirectory);
    }
}
