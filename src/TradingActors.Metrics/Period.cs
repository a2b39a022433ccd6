namespace TradingActors.Metrics;

/// <summary>Calendar periods of the breakdown, in UTC: a day, an ISO week (Monday first), a month, a year.</summary>
public enum Period
{
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// <summary>What a <see cref="Period"/> means on the calendar, and its wire name.</summary>
public static class Periods
{
    /// <summary>The first day of the period that holds <paramref name="date"/>.</summary>
    public static DateOnly Start(this Period period, DateOnly date) => period switch
    {
        Period.Daily => date,
        Period.Weekly => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        Period.Monthly => new DateOnly(date.Year, date.Month, 1),
        Period.Yearly => new DateOnly(date.Year, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };

    /// <summary><c>daily</c>, <c>weekly</c>, <c>monthly</c> or <c>yearly</c>.</summary>
    public static string WireName(this Period period) => period switch
    {
        Period.Daily => "daily",
        Period.Weekly => "weekly",
        Period.Monthly => "monthly",
        Period.Yearly => "yearly",
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };

    /// <summary>The period of a wire name (exact, lower case); false for anything else.</summary>
    public static bool TryParse(string name, out Period period)
    {
        foreach (var p in Enum.GetValues<Period>())
        {
            if (p.WireName() == name)
            {
                period = p;
                return true;
            }
        }
        period = default;
        return false;
    }
}
