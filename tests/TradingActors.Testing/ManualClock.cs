namespace TradingActors.Testing;

/// <summary>
/// A clock that moves only when a test moves it (<see cref="Set"/>, <see cref="Advance"/>): cooldowns and UTC day
/// boundaries without sleeping. Pass it where the product takes a <see cref="TimeProvider"/>. Timers created through it
/// are the system's (it only overrides the time read), so code that schedules by real time still runs by real time.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    /// <summary>The clock's current instant, in UTC.</summary>
    public DateTimeOffset Now => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Moves the clock to <paramref name="instant"/> (also backwards, if a test wants it).</summary>
    public void Set(DateTimeOffset instant) => Interlocked.Exchange(ref _utcTicks, instant.UtcTicks);

    /// <summary>Moves the clock forward by <paramref name="by"/>; returns the new instant.</summary>
    public DateTimeOffset Advance(TimeSpan by) => new(Interlocked.Add(ref _utcTicks, by.Ticks), TimeSpan.Zero);
}
