using System.Text;

namespace TradingActors.Domain.Risk;

/// <summary>
/// A rule's ladder: the further a figure goes past each rung's threshold, the lower the exposure. Thresholds rise and
/// exposures fall strictly from rung to rung (checked by <see cref="RiskPolicy"/>, not here); an empty ladder never
/// cuts. Two ladders are equal when their rungs are, in order.
/// </summary>
public sealed record Ladder
{
    private readonly Rung[] _rungs;

    /// <summary>A ladder of <paramref name="rungs"/>, lowest threshold first (copied).</summary>
    public Ladder(IEnumerable<Rung> rungs)
    {
        ArgumentNullException.ThrowIfNull(rungs);
        _rungs = [.. rungs];
    }

    /// <summary>The empty ladder: never cuts.</summary>
    public static Ladder None { get; } = new([]);

    /// <summary>The rungs, lowest threshold first.</summary>
    public IReadOnlyList<Rung> Rungs => _rungs;

    /// <summary>A ladder from (threshold, exposure) pairs: <c>Of(3, 0.5, 5, 0.25)</c>.</summary>
    /// <exception cref="ArgumentException">An odd number of values.</exception>
    public static Ladder Of(params double[] thresholdExposurePairs)
    {
        ArgumentNullException.ThrowIfNull(thresholdExposurePairs);
        if (thresholdExposurePairs.Length % 2 != 0)
        {
            throw new ArgumentException("expected (threshold, exposure) pairs", nameof(thresholdExposurePairs));
        }
        var rungs = new Rung[thresholdExposurePairs.Length / 2];
        for (var i = 0; i < rungs.Length; i++)
        {
            rungs[i] = new Rung(thresholdExposurePairs[2 * i], thresholdExposurePairs[(2 * i) + 1]);
        }
        return new Ladder(rungs);
    }

    /// <summary>The exposure the ladder allows at <paramref name="value"/>: that of the highest rung reached, 1 when
    /// none is.</summary>
    public double ExposureAt(double value) => RungAt(value, 0.0)?.Exposure ?? 1.0;

    /// <summary>
    /// The highest rung still held at <paramref name="value"/> when each rung is only let go once the value is
    /// <paramref name="margin"/> below its threshold (hysteresis; 0 for the rung reached); null when none is held.
    /// </summary>
    public Rung? RungAt(double value, double margin)
    {
        Rung? held = null;
        foreach (var rung in _rungs)
        {
            if (value >= rung.Threshold - margin)
            {
                held = rung;
            }
        }
        return held;
    }

    /// <summary>
    /// The next exposure up from <paramref name="exposure"/>: the lowest rung exposure above it, or 1 (no limit) past
    /// the top. A limit set under an older ladder steps onto this one's exposures.
    /// </summary>
    public double StepUp(double exposure)
    {
        var next = 1.0;
        foreach (var rung in _rungs)
        {
            if (rung.Exposure > exposure && rung.Exposure < next)
            {
                next = rung.Exposure;
            }
        }
        return next;
    }

    /// <inheritdoc />
    public bool Equals(Ladder? other) =>
        other is not null && (ReferenceEquals(this, other) || _rungs.AsSpan().SequenceEqual(other._rungs));

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var rung in _rungs)
        {
            hash.Add(rung);
        }
        return hash.ToHashCode();
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Rungs = [").AppendJoin(", ", _rungs.AsEnumerable()).Append(']');
        return true;
    }
}
