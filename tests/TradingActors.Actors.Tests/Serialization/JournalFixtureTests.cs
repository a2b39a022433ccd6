using System.Runtime.CompilerServices;
using TradingActors.Actors.Performance;
using TradingActors.Actors.Serialization;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;
using TradingActors.Domain.State;

namespace TradingActors.Actors.Tests.Serialization;

/// <summary>
/// The journal as the first version wrote it: <c>fixtures/v1/&lt;manifest&gt;.bin</c> hold payloads of
/// <see cref="FixtureMessages"/> written by this version, checked in, and read here, never rewritten. A change to a
/// <c>.proto</c> or a mapper that old journals could no longer be read with, or would be read differently, fails here.
/// </summary>
[Collection(SerializationCollection.Name)]
public sealed class JournalFixtureTests(SerializationSystem system)
{
    private const string Version = "v1";

    public static TheoryData<string> Manifests => [.. TradingActorsSerializer.Manifests];

    [Fact]
    public void Every_manifest_has_a_fixture_and_every_fixture_a_manifest()
    {
        var files = Directory.GetFiles(FixtureDirectory(AppContext.BaseDirectory), "*.bin")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);
        Assert.Equal(TradingActorsSerializer.Manifests.Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void A_v1_payload_reads_as_the_message_it_was_written_from(string manifest)
    {
        var read = system.Serialization.Deserialize(Payload(manifest), TradingActorsSerializer.Id, manifest);

        var expected = FixtureMessages.ByManifest[manifest];
        if (expected is PerformanceSnapshot snapshot)
        {
            var state = Assert.IsType<PerformanceSnapshot>(read).State;
            PerformanceSnapshotTests.AssertSameState(snapshot.State, state, manifest);
        }
        else
        {
            Assert.Equal(expected, read);
        }
        // Every bit: this version writes exactly those bytes for what it read.
        Assert.Equal(Payload(manifest), system.Serializer.ToBinary(read));
    }

    [Fact]
    public void This_version_writes_the_v1_payloads_byte_for_byte()
    {
        foreach (var (manifest, message) in FixtureMessages.ByManifest)
        {
            var serializer = system.Serialization.FindSerializerFor(message);
            Assert.Equal(manifest, ((TradingActorsSerializer)serializer).Manifest(message));
            Assert.True(
                Payload(manifest).AsSpan().SequenceEqual(serializer.ToBinary(message)),
                $"{manifest}: the payload written now differs from fixtures/{Version}/{manifest}.bin");
        }
    }

    /// <summary>The values the fixtures hold, spelled out where record equality would not see them.</summary>
    [Fact]
    public void The_v1_payloads_hold_these_exact_values()
    {
        var trade = (TradeClosed)Read(TradingActorsSerializer.TradeClosedManifest);
        Assert.Equal(
            new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_567), trade.EntryTime);
        Assert.Equal(TimeSpan.Zero, trade.EntryTime.Offset);
        Assert.Null(trade.Mfe);
        Assert.Equal(-120.0, trade.Mae);

        var balance = (BalanceUpdated)Read(TradingActorsSerializer.BalanceUpdatedManifest);
        Assert.Equal(new DateTimeOffset(2025, 3, 2, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), balance.Time);

        var limit = (LimitChanged)Read(TradingActorsSerializer.LimitChangedManifest);
        Assert.Equal(long.MinValue, BitConverter.DoubleToInt64Bits(limit.Figures!.DayNetPnl)); // −0.0
        Assert.Null(limit.Figures.CurrentBalance);
        Assert.Equal(new DateOnly(2025, 3, 3), limit.Limits.DailyLossDay);
        Assert.True(limit.Limits.Halted);

        var risk = (RiskState)Read(TradingActorsSerializer.RiskStateManifest);
        Assert.Equal(0.5, risk.Exposure);
        Assert.Equal(RiskRule.Drawdown, risk.LastExposureChange!.Rule);
        Assert.Equal(43, risk.LastSnapshotSequenceNr);

        var state = ((PerformanceSnapshot)Read(TradingActorsSerializer.PerformanceSnapshotManifest)).State;
        Assert.Equal(12, state.EventCount); // 13 events, one of them a retry
        Assert.Equal(
            new DateTimeOffset(2025, 3, 5, 17, 45, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), state.AsOfMs);
        Assert.Equal(5, state.TradeIds.Count);
        Assert.True(state.HasTrade("late-5"));
        Assert.Equal(5, state.Tally.Total);
        Assert.Equal(150.5 + -80.25 + -0.0 + 310.0 + -45.5, state.Tally.NetPnl);
        Assert.Equal(new[] { 10070.25, 10100.0, 10100.0, 10100.0 }, state.Daily.FinalizedCloseArray());
        Assert.Equal(10290.0, state.Daily.LastClose);
        Assert.Equal(7, state.RecentBalances.Count);
        Assert.Equal(5, state.RecentTrades.Count);
        Assert.True(double.IsNaN(state.RecentTrades.Columns().Values[1][1])); // t-2 has no R:R
        Assert.Equal(new DayTrades(1, 310.0), state.TodayTrades); // late-5 exited on another day
        Assert.Equal(FixtureMessages.Fold(FixtureMessages.StateEvents), state);
    }

    /// <summary>
    /// Writes the fixture of every manifest that has none yet into the source tree. Run by hand only, when a manifest
    /// is added (remove the Skip for that run); an existing fixture is never overwritten: it is what old journals hold.
    /// </summary>
    [Fact(Skip = "writes fixtures into the source tree; run by hand when a manifest is added (fixtures/v1/README.md)")]
    public void Write_missing_fixtures()
    {
        var directory = FixtureDirectory(Path.GetDirectoryName(SourceFile())!, under: "");
        Directory.CreateDirectory(directory);
        foreach (var (manifest, message) in FixtureMessages.ByManifest)
        {
            var path = Path.Combine(directory, manifest + ".bin");
            if (!File.Exists(path))
            {
                File.WriteAllBytes(path, system.Serialization.FindSerializerFor(message).ToBinary(message));
            }
        }
    }

    private object Read(string manifest) =>
        system.Serialization.Deserialize(Payload(manifest), TradingActorsSerializer.Id, manifest);

    private static byte[] Payload(string manifest) =>
        File.ReadAllBytes(Path.Combine(FixtureDirectory(AppContext.BaseDirectory), manifest + ".bin"));

    private static string FixtureDirectory(string root, string under = "Serialization") =>
        Path.Combine(root, under, "fixtures", Version);

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
