namespace TradingActors.Metrics;

/// <summary>
/// The conventions that are configuration rather than definition (DESIGN §3).
/// </summary>
/// <remarks>
/// <see cref="PeriodsPerYear"/> is the annualisation factor A: 365 by default (crypto trades every day), 252 for
/// equities; at least 1. <see cref="RiskFreeRate"/> is the annual rate the Sharpe ratio subtracts, per period
/// <c>rf / A</c>. <see cref="MinimumAcceptableReturn"/> is the annual MAR of the Sortino ratio, per period <c>MAR / A</c>.
/// Both rates are fractions and must be finite.
/// </remarks>
public sealed record MetricSettings
{
    /// <summary>A = 365, risk-free rate 0, MAR 0.</summary>
    public static readonly MetricSettings Defaults = new(365, 0.0, 0.0);

    public MetricSettings(int periodsPerYear, double riskFreeRate, double minimumAcceptableReturn)
    {
        if (periodsPerYear < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(periodsPerYear), $"periods_per_year must be at least 1, got {periodsPerYear}");
        }
        if (!double.IsFinite(riskFreeRate))
        {
            throw new ArgumentOutOfRangeException(nameof(riskFreeRate), "risk_free_rate must be finite");
        }
        if (!double.IsFinite(minimumAcceptableReturn))
        {
            throw new ArgumentOutOfRangeException(
                nameof(minimumAcceptableReturn), "minimum_acceptable_return must be finite");
        }
        PeriodsPerYear = periodsPerYear;
        RiskFreeRate = riskFreeRate;
        MinimumAcceptableReturn = minimumAcceptableReturn;
    }

    public int PeriodsPerYear { get; }

    public double RiskFreeRate { get; }

    public double MinimumAcceptableReturn { get; }

    /// <summary>Risk-free return per period (per day with the default A).</summary>
    public double RiskFreePerPeriod => RiskFreeRate / PeriodsPerYear;

    /// <summary>Minimum acceptable return per period.</summary>
    public double MarPerPeriod => MinimumAcceptableReturn / PeriodsPerYear;
}
