using FsCheck.Xunit;
using TradingActors.Domain.State;

namespace TradingActors.Domain.Tests.State;

/// <summary>
/// Ported from the JVM build's <c>src/domain/src/test/java/io/tradingactors/domain/state/TradeIdSetTest.java</c>
/// (8eafd08): persistent, insertion-ordered, each version answering for its own ids only. The C# set keeps one 128-bit
/// XxHash128 digest per id (the JVM kept two longs of MurmurHash3), so a snapshot holds one digest per id.
/// </summary>
public class TradeIdSetTest
{
    [Fact]
    public void Older_versions_keep_their_own_ids_while_the_tip_grows_through_many_rebuilds()
    {
        var v = Version.Empty;
        var history = new List<Version>();
        var probes = new List<string>();
        for (var i = 0; i < 3_000; i++)
        {
            var id = "trade-" + i;
            probes.Add(id);
            v = v.Plus(id);
            if (i % 7 == 0)
            {
                v = v.Plus("trade-" + i / 2); // a retry changes nothing
            }
            if (i % 97 == 0 || i < 20)
            {
                history.Add(v);
            }
        }
        probes.Add("never-recorded");
        foreach (var old in history)
        {
            old.Check(probes);
        }
        // an old version forks, after the tip grew past it; neither sees the other's ids
        var oldOne = history[15];
        var fork = oldOne.Plus("fork-a").Plus("trade-2999").Plus("fork-b");
        probes.AddRange(["fork-a", "fork-b"]);
        fork.Check(probes);
        oldOne.Check(probes);
        v.Check(probes);
        Assert.False(v.Set.Contains("fork-a"));
    }

    [Fact]
    public void Every_version_of_random_trees_answers_for_its_own_ids()
    {
        var rnd = new Random(3);
        for (var round = 0; round < 20; round++)
        {
            var versions = new List<Version> { Version.Empty };
            var probes = new List<string>();
            for (var step = 0; step < 300; step++)
            {
                var from = rnd.Next(4) > 0 ? versions[^1] : versions[rnd.Next(versions.Count)];
                var id = "id-" + rnd.Next(400);
                probes.Add(id);
                versions.Add(from.Plus(id));
            }
            foreach (var version in versions)
            {
                version.Check(probes);
            }
        }
    }

    [Fact]
    public async Task Forks_from_one_parent_on_two_threads_each_keep_their_own_ids()
    {
        for (var round = 0; round < 100; round++)
        {
            var parent = Version.Empty;
            for (var i = 0; i < 5 + round; i++)
            {
                parent = parent.Plus("p" + i);
            }
            var p = parent;
            var forks = Enumerable.Range(0, 2).Select(k => Task.Run(() =>
            {
                var v = p;
                for (var i = 0; i < 50; i++)
                {
                    v = v.Plus("k" + k + "-" + i);
                }
                return v;
            })).ToArray();
            var results = await Task.WhenAll(forks);
            var probes = p.Expected.ToList();
            for (var i = 0; i < 50; i++)
            {
                probes.Add("k0-" + i);
                probes.Add("k1-" + i);
            }
            foreach (var f in results)
            {
                f.Check(probes);
            }
            parent.Check(probes);
        }
    }

    [Fact]
    public void Digests_round_trip_in_insertion_order()
    {
        var s = default(TradeIdSet).Plus("b").Plus("a").Plus("c");
        var d = s.Digests();
        Assert.Equal(3, d.Length);
        Assert.Equal([TradeIdSet.Digest("b"), TradeIdSet.Digest("a"), TradeIdSet.Digest("c")], d);
        var back = TradeIdSet.FromDigests(d);
        Assert.Equal(s, back);
        Assert.True(back.Contains("a"));
        Assert.False(back.Contains("d"));
        Assert.Equal(s.Plus("d").Digests(), back.Plus("d").Digests());
        // the order is part of equality: the same ids recorded in another order are another history
        Assert.NotEqual(s, default(TradeIdSet).Plus("a").Plus("b").Plus("c"));
        Assert.Equal(default, TradeIdSet.FromDigests([]));
        Assert.Equal(0, TradeIdSet.FromDigests([]).Count);
        Assert.False(default(TradeIdSet).Contains("a"));
        Assert.Empty(default(TradeIdSet).Digests());
        // a repeated digest is kept once
        Assert.Equal(s, TradeIdSet.FromDigests([.. d, d[0], d[2]]));
    }

    [Fact]
    public void An_id_is_its_utf16_text_whatever_its_length()
    {
        var s = default(TradeIdSet).Plus("").Plus(new string('x', 10_000)).Plus("ümlaut-🙂");
        Assert.True(s.Contains(""));
        Assert.True(s.Contains(new string('x', 10_000)));
        Assert.False(s.Contains(new string('x', 9_999)));
        Assert.True(s.Contains("ümlaut-🙂"));
        Assert.False(s.Contains("umlaut-🙂"));
        Assert.False(s.Contains("A"));
        Assert.False(default(TradeIdSet).Plus("a").Contains("A"));
    }

    [Property(MaxTest = 100)]
    public void A_set_restored_from_its_digests_equals_the_original_and_contains_the_same_ids(
        string[] ids, string[] probes)
    {
        var set = default(TradeIdSet);
        foreach (var id in ids.Where(i => i is not null))
        {
            set = set.Plus(id);
        }
        var restored = TradeIdSet.FromDigests(set.Digests());
        Assert.Equal(set, restored);
        Assert.Equal(set.Count, restored.Count);
        Assert.Equal(ids.Where(i => i is not null).Distinct(StringComparer.Ordinal).Count(), restored.Count);
        foreach (var id in ids.Concat(probes).Where(i => i is not null))
        {
            Assert.Equal(set.Contains(id), restored.Contains(id));
            Assert.Equal(ids.Contains(id, StringComparer.Ordinal), restored.Contains(id));
        }
    }

    /// <summary>A version and the ids it must hold, in insertion order.</summary>
    private sealed record Version(TradeIdSet Set, IReadOnlyList<string> Expected)
    {
        public static Version Empty { get; } = new(default, []);

        public Version Plus(string id)
        {
            var after = Set.Plus(id);
            if (Expected.Contains(id))
            {
                Assert.Equal(Set, after);
                Assert.Equal(Set.Count, after.Count);
                return new Version(after, Expected);
            }
            return new Version(after, [.. Expected, id]);
        }

        public void Check(IEnumerable<string> probes)
        {
            Assert.Equal(Expected.Count, Set.Count);
            foreach (var id in probes)
            {
                Assert.True(Set.Contains(id) == Expected.Contains(id), id);
            }
            var rebuilt = default(TradeIdSet);
            foreach (var id in Expected)
            {
                rebuilt = rebuilt.Plus(id);
            }
            Assert.Equal(rebuilt.Digests(), Set.Digests());
            Assert.Equal(rebuilt, Set);
            Assert.Equal(rebuilt.GetHashCode(), Set.GetHashCode());
            Assert.Equal(Set, TradeIdSet.FromDigests(Set.Digests()));
        }
    }
}
