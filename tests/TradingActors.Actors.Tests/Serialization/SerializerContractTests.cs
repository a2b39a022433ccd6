using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Configuration;
using Google.Protobuf;
using TradingActors.Actors.Configuration;
using TradingActors.Actors.Performance;
using TradingActors.Actors.Serialization;
using Proto = TradingActors.Actors.Serialization.Proto;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;
using TradingActors.Metrics;

namespace TradingActors.Actors.Tests.Serialization;

/// <summary>
/// The journal's contract: the serializer's identifier, the manifest of each message type, the HOCON bindings that
/// route the types to it, and what it does with what it cannot read or write. Changing an expected value here breaks
/// every journal already written.
/// </summary>
[Collection(SerializationCollection.Name)]
public sealed class SerializerContractTests(SerializationSystem system)
{
    [Fact]
    public void The_identifier_is_7311()
    {
        Assert.Equal(7311, TradingActorsSerializer.Id);
        Assert.Equal(7311, system.Serializer.Identifier);
    }

    [Fact]
    public void Each_message_type_has_its_v1_manifest()
    {
        var serializer = system.Serializer;
        Assert.Equal("TC1", serializer.Manifest(FixtureMessages.Trade));
        Assert.Equal("BU1", serializer.Manifest(FixtureMessages.Balance));
        Assert.Equal("EC1", serializer.Manifest(FixtureMessages.Exposure));
        Assert.Equal("LC1", serializer.Manifest(FixtureMessages.Limit));
        Assert.Equal("PS1", serializer.Manifest(FixtureMessages.Performance));
        Assert.Equal("RS1", serializer.Manifest(FixtureMessages.Risk));
        Assert.Equal(["TC1", "BU1", "EC1", "LC1", "PS1", "RS1"], TradingActorsSerializer.Manifests);
    }

    [Theory]
    [InlineData(typeof(TradeClosed))]
    [InlineData(typeof(BalanceUpdated))]
    [InlineData(typeof(ExposureChanged))]
    [InlineData(typeof(LimitChanged))]
    [InlineData(typeof(PerformanceSnapshot))]
    [InlineData(typeof(RiskState))]
    public void The_HOCON_binds_each_message_type_to_the_serializer(Type type) =>
        Assert.IsType<TradingActorsSerializer>(system.Serialization.FindSerializerForType(type));

    [Fact]
    public void The_HOCON_names_the_serializer_and_the_types_assembly_qualified()
    {
        var hocon = SerializationConfig.Hocon();
        Assert.Contains(
            "trading-actors = \"TradingActors.Actors.Serialization.TradingActorsSerializer, TradingActors.Actors\"",
            hocon,
            StringComparison.Ordinal);
        Assert.Contains(
            "\"TradingActors.Domain.Events.IPerformanceEvent, TradingActors.Domain\" = trading-actors",
            hocon,
            StringComparison.Ordinal);
        var bindings = SerializationConfig.Config().GetConfig("akka.actor.serialization-bindings");
        Assert.Equal(SerializationConfig.BoundTypes.Count, bindings.AsEnumerable().Count());
    }

    [Fact]
    public void An_unknown_manifest_is_a_SerializationException_naming_it()
    {
        var error = Assert.Throws<SerializationException>(
            () => system.Serializer.FromBinary([], "TC9"));
        Assert.Contains("'TC9'", error.Message, StringComparison.Ordinal);
        Assert.Contains("TC1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_protobuf_are_a_SerializationException()
    {
        var error = Assert.Throws<SerializationException>(
            () => system.Serializer.FromBinary([0xFF, 0xFF, 0xFF], TradingActorsSerializer.TradeClosedManifest));
        Assert.Contains("TC1", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidProtocolBufferException>(error.InnerException);
    }

    [Fact]
    public void A_payload_without_a_required_field_is_refused_naming_the_field()
    {
        var noSide = Assert.Throws<SerializationException>(
            () => system.Serializer.FromBinary([], TradingActorsSerializer.TradeClosedManifest));
        Assert.Contains("side", noSide.Message, StringComparison.Ordinal);

        var noBalance = new Proto.BalanceUpdated { TimeMs = 1 }.ToByteArray();
        var error = Assert.Throws<SerializationException>(
            () => system.Serializer.FromBinary(noBalance, TradingActorsSerializer.BalanceUpdatedManifest));
        Assert.Contains("balance is missing", error.Message, StringComparison.Ordinal);

        var noLimits = Assert.Throws<SerializationException>(
            () => system.Serializer.FromBinary([], TradingActorsSerializer.RiskStateManifest));
        Assert.Contains("limits is missing", noLimits.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ticks_beyond_a_millisecond_are_refused()
    {
        var bytes = new Proto.BalanceUpdated { TimeMs = 1, TimeTicks = 10_000, Balance = 1 }.ToByteArray();
        var error = Assert.Throws<SerializationException>(
            () => system.Serializer.FromBinary(bytes, TradingActorsSerializer.BalanceUpdatedManifest));
        Assert.Contains("time_ticks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_of_another_type_is_refused()
    {
        Assert.Throws<ArgumentException>(() => system.Serializer.ToBinary("not a journal message"));
        Assert.Throws<ArgumentException>(() => system.Serializer.Manifest(42));
    }

    [Fact]
    public void Text_that_UTF_8_cannot_keep_is_refused_rather_than_altered()
    {
        var trade = FixtureMessages.Trade with { TradeId = "t-\uD800" };
        var error = Assert.Throws<ArgumentException>(() => system.Serializer.ToBinary(trade));
        Assert.Contains("trade_id", error.Message, StringComparison.Ordinal);
        // A surrogate pair is text like any other.
        var emoji = FixtureMessages.Trade with { TradeId = "t-😀" };
        Assert.Equal(emoji, system.RoundTrip(emoji));
    }

    [Fact]
    public void The_metric_settings_come_from_the_systems_configuration()
    {
        var config = ConfigurationFactory.ParseString(
                "trading-actors.metrics { periods-per-year = 252, risk-free-rate = 0.05, " +
                "minimum-acceptable-return = 0.1 }")
            .WithFallback(SerializationConfig.Config());
        using var other = ActorSystem.Create("serialization-settings", config);
        var serializer = (TradingActorsSerializer)other.Serialization.FindSerializerForType(typeof(RiskState));
        Assert.Equal(new MetricSettings(252, 0.05, 0.1), serializer.Settings);
        Assert.Equal(MetricSettings.Defaults, system.Serializer.Settings);
    }

    [Fact]
    public void Missing_metric_settings_take_their_defaults_and_bad_ones_are_refused_naming_the_key()
    {
        Assert.Equal(MetricSettings.Defaults, MetricSettingsConfig.Read(null));
        Assert.Equal(MetricSettings.Defaults, MetricSettingsConfig.Read(Config.Empty));
        Assert.Equal(
            new MetricSettings(12, 0.0, 0.0),
            MetricSettingsConfig.Read(
                ConfigurationFactory.ParseString("trading-actors.metrics.periods-per-year = 12")));

        var error = Assert.Throws<ConfigurationException>(() => MetricSettingsConfig.Read(
            ConfigurationFactory.ParseString("trading-actors.metrics.periods-per-year = 0")));
        Assert.Contains("trading-actors.metrics", error.Message, StringComparison.Ordinal);
        Assert.Contains("periods_per_year", error.Message, StringComparison.Ordinal);
    }
}
