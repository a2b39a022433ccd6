using System.Diagnostics;
using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;
using Google.Protobuf;
using TradingActors.Actors.Configuration;
using TradingActors.Actors.Performance;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;
using TradingActors.Metrics;

namespace TradingActors.Actors.Serialization;

/// <summary>
/// The journal's serializer: every persisted event and snapshot of the product as protobuf
/// (<c>Serialization/*.proto</c>), told apart by a string manifest per message <em>and version</em>. Bound in HOCON by
/// <see cref="SerializationConfig"/>.
/// </summary>
/// <remarks>
/// <para>Its <see cref="Identifier"/> and manifests are written beside every payload in the journal and the snapshot
/// store, so they are a contract: neither ever changes, and a manifest is never reused for another schema. A change
/// that old payloads cannot be read with gets a new manifest (<c>TC2</c>…) while the old one stays readable.</para>
/// <para>Round trips are exact: doubles bit for bit (NaN, infinities and −0.0 included), nulls as nulls, instants to
/// the 100-ns tick (their UTC instant: a <see cref="DateTimeOffset"/> comes back with offset zero), and a
/// <see cref="PerformanceSnapshot"/>'s state equal to the original with bit-identical metrics. The state's
/// <see cref="MetricSettings"/> are not stored: they are read from the system's configuration
/// (<see cref="MetricSettingsConfig"/>) when the serializer is created.</para>
/// </remarks>
public sealed class TradingActorsSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer's identifier in the journal and the snapshot store, clear of the low identifiers
    /// Akka.NET keeps for its own serializers. It must never change: every stored payload names it.</summary>
    public const int Id = 7311;

    /// <summary><see cref="TradeClosed"/>, schema 1 (<c>tradingactors.v1.TradeClosed</c>).</summary>
    public const string TradeClosedManifest = "TC1";

    /// <summary><see cref="BalanceUpdated"/>, schema 1 (<c>tradingactors.v1.BalanceUpdated</c>).</summary>
    public const string BalanceUpdatedManifest = "BU1";

    /// <summary><see cref="ExposureChanged"/>, schema 1 (<c>tradingactors.v1.ExposureChanged</c>).</summary>
    public const string ExposureChangedManifest = "EC1";

    /// <summary><see cref="LimitChanged"/>, schema 1 (<c>tradingactors.v1.LimitChanged</c>).</summary>
    public const string LimitChangedManifest = "LC1";

    /// <summary><see cref="PerformanceSnapshot"/>, schema 1
    /// (<c>tradingactors.v1.PerformanceStateSnapshot</c>).</summary>
    public const string PerformanceSnapshotManifest = "PS1";

    /// <summary><see cref="RiskState"/>, schema 1 (<c>tradingactors.v1.RiskStateSnapshot</c>).</summary>
    public const string RiskStateManifest = "RS1";

    /// <summary>Every manifest this version writes and reads.</summary>
    public static IReadOnlyList<string> Manifests { get; } =
    [
        TradeClosedManifest, BalanceUpdatedManifest, ExposureChangedManifest, LimitChangedManifest,
        PerformanceSnapshotManifest, RiskStateManifest,
    ];

    /// <summary>Created by Akka's serialization extension; the metric settings come from
    /// <see cref="MetricSettingsConfig.Path"/> in the system's configuration.</summary>
    public TradingActorsSerializer(ExtendedActorSystem system)
        : this(system, MetricSettingsConfig.Read(system?.Settings.Config))
    {
    }

    /// <summary>A serializer restoring performance snapshots with <paramref name="settings"/>.</summary>
    public TradingActorsSerializer(ExtendedActorSystem system, MetricSettings settings)
        : base(system)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
    }

    /// <inheritdoc />
    public override int Identifier => Id;

    /// <summary>The settings a restored <see cref="PerformanceSnapshot"/>'s state folds on with.</summary>
    public MetricSettings Settings { get; }

    /// <summary>The manifest of <paramref name="o"/>'s type (one of the <c>…Manifest</c> constants).</summary>
    /// <exception cref="ArgumentException"><paramref name="o"/> is not a message of the journal.</exception>
    public override string Manifest(object o) => o switch
    {
        TradeClosed => TradeClosedManifest,
        BalanceUpdated => BalanceUpdatedManifest,
        ExposureChanged => ExposureChangedManifest,
        LimitChanged => LimitChangedManifest,
        PerformanceSnapshot => PerformanceSnapshotManifest,
        RiskState => RiskStateManifest,
        _ => throw CannotSerialize(o),
    };

    /// <summary>The payload of <paramref name="obj"/>, as the schema of its manifest.</summary>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a message of the journal, or cannot be
    /// written exactly (a trade without a valid side, a risk event with an unknown rule, text with an unpaired
    /// surrogate).</exception>
    public override byte[] ToBinary(object obj)
    {
        IMessage message = obj switch
        {
            TradeClosed e => PerformanceEventMapper.ToProto(e),
            BalanceUpdated e => PerformanceEventMapper.ToProto(e),
            ExposureChanged e => RiskEventMapper.ToProto(e),
            LimitChanged e => RiskEventMapper.ToProto(e),
            PerformanceSnapshot s => SnapshotMapper.ToProto(s),
            RiskState s => SnapshotMapper.ToProto(s),
            _ => throw CannotSerialize(obj),
        };
        return message.ToByteArray();
    }

    /// <summary>The message <paramref name="bytes"/> hold, read by the schema of <paramref name="manifest"/>.</summary>
    /// <exception cref="SerializationException">The manifest is not one this version knows, or the payload is not a
    /// valid message of it (unreadable protobuf, a required field missing, a value out of range); the message names
    /// the manifest and the field.</exception>
    public override object FromBinary(byte[] bytes, string manifest)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!Manifests.Contains(manifest))
        {
            throw new SerializationException(
                $"unknown manifest '{manifest}' for {nameof(TradingActorsSerializer)} (identifier {Id}): this " +
                $"version reads {string.Join(", ", Manifests)}; the payload was written by a newer version or " +
                "another serializer");
        }
        try
        {
            return Read(bytes, manifest);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or SerializationException or ArgumentException)
        {
            throw new SerializationException(
                $"cannot read a {manifest} payload of {bytes.Length} bytes: {e.Message}", e);
        }
    }

    private object Read(byte[] bytes, string manifest) => manifest switch
    {
        TradeClosedManifest => PerformanceEventMapper.FromProto(Proto.TradeClosed.Parser.ParseFrom(bytes)),
        BalanceUpdatedManifest => PerformanceEventMapper.FromProto(Proto.BalanceUpdated.Parser.ParseFrom(bytes)),
        ExposureChangedManifest => RiskEventMapper.FromProto(Proto.ExposureChanged.Parser.ParseFrom(bytes)),
        LimitChangedManifest => RiskEventMapper.FromProto(Proto.LimitChanged.Parser.ParseFrom(bytes)),
        PerformanceSnapshotManifest =>
            SnapshotMapper.FromProto(Proto.PerformanceStateSnapshot.Parser.ParseFrom(bytes), Settings),
        RiskStateManifest => SnapshotMapper.FromProto(Proto.RiskStateSnapshot.Parser.ParseFrom(bytes)),
        _ => throw new UnreachableException($"manifest {manifest} is in {nameof(Manifests)} but not read"),
    };

    private static ArgumentException CannotSerialize(object o) => new(
        $"{nameof(TradingActorsSerializer)} cannot serialize a {o?.GetType().FullName ?? "null"}: it writes " +
        "TradeClosed, BalanceUpdated, ExposureChanged, LimitChanged, PerformanceSnapshot and RiskState",
        nameof(o));
}
