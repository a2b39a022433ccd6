#!/usr/bin/env python3
"""Reference values for BalanceStatsReferenceTest and ReturnStatsTest, computed independently of the Java code.

Python 3 standard library only (datetime, statistics, math, fractions). Run:

    python3 src/metrics/src/test/resources/reference/balance_reference.py

and paste the printed literals into the tests (each test says which block it took). The conventions implemented
here are read from DESIGN.md section 3, not from the Java sources:

  * daily close = last balance of each UTC calendar day, forward-filled over days without one, from the day of the
    first balance to the day of the last; returns = close-to-close simple returns (n closes -> n-1 returns);
  * sharpe = (mean(r) - rf/A) / stdev(r, ddof=1) * sqrt(A); annual_volatility = stdev(r, ddof=1) * sqrt(A);
  * sortino = (mean(r) - MAR/A) / sqrt(mean(min(r - MAR/A, 0)^2)) * sqrt(A), the mean over ALL returns;
  * cagr = (last close / first close) ** (A / number of returns) - 1; calmar = cagr / max_drawdown;
  * var_95 = -(5th percentile, linear interpolation between closest ranks: statistics.quantiles(method="inclusive")
    with n=20 gives the cut points at 5 %, 10 %, ..., and its rank is (len - 1) * 5 / 100, NumPy's "linear");
    cvar_95 = -mean of the returns at or below that percentile;
  * drawdowns over the raw observations, the first balance being the first peak; durations in days from the last
    time the running peak was reached to the first observation at or above it (or to the last observation).

statistics.mean and statistics.stdev work in exact rational arithmetic (correctly rounded results), so these values
are at least as accurate as the Java ones; the tests compare within a relative 1e-12.
"""
from datetime import datetime, timezone, timedelta
from fractions import Fraction
import math
import statistics

MS_PER_DAY = 86_400_000

# The observations of BalanceStatsReferenceTest.OBSERVATIONS (ISO-8601 with offsets, in time order).
OBSERVATIONS = [
    ("2025-03-01T09:00:00Z", 10000.0),
    ("2025-03-01T23:59:59.999Z", 10150.0),
    ("2025-03-02T00:00:00Z", 10120.0),
    ("2025-03-02T13:15:00+02:00", 9980.0),
    ("2025-03-02T21:00:00-05:00", 9900.0),
    ("2025-03-03T18:00:00Z", 10050.0),
    ("2025-03-06T08:00:00Z", 10300.0),
    ("2025-03-06T22:00:00-03:00", 10100.0),
    ("2025-03-07T12:00:00Z", 9700.0),
    ("2025-03-08T00:00:00.000Z", 9800.0),
    ("2025-03-10T06:00:00+09:00", 10350.0),
    ("2025-03-09T23:59:59.999Z", 10400.0),
    ("2025-03-12T10:00:00Z", 10250.0),
    ("2025-03-13T10:00:00Z", 10500.0),
    ("2025-03-14T10:00:00Z", 10300.0),
]


def epoch_ms(iso):
    dt = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    delta = dt - datetime(1970, 1, 1, tzinfo=timezone.utc)
    return (delta.days * 86_400 + delta.seconds) * 1000 + delta.microseconds // 1000


def daily_closes(obs):
    """obs: [(epoch_ms, balance)] in time order -> (first UTC date, [closes])."""
    by_day = {}
    for t, b in obs:
        day = datetime.fromtimestamp(t / 1000, tz=timezone.utc).date()
        by_day[day] = b  # the last one of the day wins
    first, last = min(by_day), max(by_day)
    closes, close, day = [], None, first
    while day <= last:
        if day in by_day:
            close = by_day[day]
        closes.append(close)
        day += timedelta(days=1)
    return first, closes


def simple_returns(closes):
    return [closes[i] / closes[i - 1] - 1.0 for i in range(1, len(closes))]


def percentile5(values):
    return statistics.quantiles(values, n=20, method="inclusive")[0]


def var95(r):
    return -percentile5(r)


def cvar95(r):
    q = percentile5(r)
    tail = [x for x in r if x <= q]
    return -statistics.mean(tail)


def sharpe(r, a, rf):
    return (statistics.mean(r) - rf / a) / statistics.stdev(r) * math.sqrt(a)


def volatility(r, a):
    return statistics.stdev(r) * math.sqrt(a)


def sortino(r, a, mar):
    m = mar / a
    downside = math.sqrt(statistics.mean([min(x - m, 0.0) ** 2 for x in r]))
    return (statistics.mean(r) - m) / downside * math.sqrt(a)


def cagr(closes, a):
    return (closes[-1] / closes[0]) ** (a / (len(closes) - 1)) - 1.0


def drawdowns(obs):
    """(max_dd, current_dd, max_duration_days, days_since_peak) by walking underwater spells."""
    peak, peak_t = obs[0][1], obs[0][0]
    max_dd = 0.0
    spells = []  # (peak time, end time) of each underwater spell
    spell_open = False
    for t, b in obs:
        if b >= peak:
            if spell_open:
                spells.append((peak_t, t))
                spell_open = False
            peak, peak_t = b, t
        else:
            spell_open = True
            max_dd = max(max_dd, float(1 - Fraction(b) / Fraction(peak)))
    last_t, last_b = obs[-1]
    if spell_open:
        spells.append((peak_t, last_t))
    current = 0.0 if last_b >= peak else float(1 - Fraction(last_b) / Fraction(peak))
    longest = max((end - start for start, end in spells), default=0)
    return max_dd, current, longest / MS_PER_DAY, (last_t - peak_t) / MS_PER_DAY


def java(name, value):
    if value is None:
        return f"{name} = null"
    return f"{name} = {value!r}"


def balance_block():
    obs = sorted(((epoch_ms(iso), b) for iso, b in OBSERVATIONS), key=lambda o: o[0])
    first_day, closes = daily_closes(obs)
    r = simple_returns(closes)
    max_dd, cur_dd, dur, since = drawdowns(obs)
    print("// --- BalanceStatsReferenceTest ---")
    print("// first day", first_day.isoformat(), "epoch day", first_day.toordinal() - datetime(1970, 1, 1).toordinal())
    print("// closes", closes)
    print("// returns", [repr(x) for x in r])
    print(java("totalReturn", obs[-1][1] / obs[0][1] - 1.0))
    print(java("peak", max(b for _, b in obs)))
    for a, rf, mar in ((365, 0.0, 0.0), (252, 0.02, 0.01)):
        c = cagr(closes, a)
        print(f"// A={a} rf={rf} mar={mar}")
        print(java("  cagr", c))
        print(java("  volatility", volatility(r, a)))
        print(java("  sharpe", sharpe(r, a, rf)))
        print(java("  sortino", sortino(r, a, mar)))
        print(java("  calmar", c / max_dd))
    print(java("var95", var95(r)))
    print(java("cvar95", cvar95(r)))
    print(java("maxDrawdown", max_dd))
    print(java("currentDrawdown", cur_dd))
    print(java("maxDrawdownDurationDays", dur))
    print(java("daysSincePeak", since))


# ReturnStatsTest.SMALL_CLOSES and ReturnStatsTest.MIXED_RETURNS
SMALL_CLOSES = [100.0, 110.0, 99.0, 99.0, 108.9]
MIXED_RETURNS = [
    0.012, -0.034, 0.0, 0.021, -0.007, 0.0, 0.045, -0.051, 0.003, 0.018,
    -0.022, 0.0, 0.009, -0.013, 0.027, -0.041, 0.006, 0.0, 0.015, -0.002,
    0.031, -0.019, 0.004, 0.0, -0.028, 0.011, 0.008, -0.006, 0.024, -0.015,
    0.002, 0.0, -0.037, 0.019, 0.013, -0.009, 0.005,
]


def returns_block():
    print("// --- ReturnStatsTest ---")
    r = simple_returns(SMALL_CLOSES)
    print("// SMALL_CLOSES returns", [repr(x) for x in r])
    for a, rf, mar in ((365, 0.0, 0.0), (252, 0.0504, 0.0)):
        print(f"// A={a} rf={rf} mar={mar}")
        print(java("  sharpe", sharpe(r, a, rf)))
        print(java("  volatility", volatility(r, a)))
        print(java("  sortino", sortino(r, a, mar)))
        print(java("  cagr", cagr(SMALL_CLOSES, a)))
    print("// MIXED_RETURNS (37 values, rank 0.05 * 36 = 1.8)")
    print(java("  p5", percentile5(MIXED_RETURNS)))
    print(java("  var95", var95(MIXED_RETURNS)))
    print(java("  cvar95", cvar95(MIXED_RETURNS)))
    print(java("  sharpe", sharpe(MIXED_RETURNS, 365, 0.0)))
    print(java("  sortino", sortino(MIXED_RETURNS, 365, 0.0)))
    print(java("  volatility", volatility(MIXED_RETURNS, 365)))


if __name__ == "__main__":
    balance_block()
    returns_block()
