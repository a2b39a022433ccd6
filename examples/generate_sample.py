#!/usr/bin/env python3
"""Generates the bundled sample backtest (examples/sample-*.csv, sample-trades.jsonl).

Deterministic (fixed seed, standard library only): running it again rewrites byte-identical files, so a change in
the output always means a change in this script. Run it from anywhere:

    python3 examples/generate_sample.py

What it models: one crypto strategy ("trend-pullback") trading BTC, ETH, SOL and BNB perpetuals from January to
early September 2025, risking about 0.9% of the balance at entry on every trade, with a planned reward:risk (the
``risk_reward`` column) on most rows. Prices follow the rough 2025 path of each market. A rough patch in spring
(trades 95-150) produces losing streaks of up to six trades and a drawdown of 10-20%, so risk rules have something
to react to.

Self-consistency, checked by the asserts below and by the Java tests:
  * ``pnl`` = (exit - entry) * quantity * (+1 long / -1 short) - fees - slippage, rounded to cents (half up);
  * ``fees`` and ``slippage`` are costs in USDT (positive); a breakeven trade has pnl exactly 0.00;
  * sample-balances.csv starts at 10000 before the first trade and has one observation at each trade's exit equal to
    the previous balance plus that trade's pnl (trades ordered by exit time), plus a few intraday snapshots that
    repeat the current balance (nothing closes between them).
"""

import json
import math
import os
import random
from datetime import datetime, timedelta, timezone
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

SEED = 20250106
TRADES = 250
INITIAL_BALANCE = Decimal("10000.00")
START = datetime(2025, 1, 6, tzinfo=timezone.utc)
RISK_FRACTION = 0.009
FEE_RATE = Decimal("0.0005")  # taker fee per side, on notional
CENT = Decimal("0.01")
JSONL_ROWS = 20
HERE = os.path.dirname(os.path.abspath(__file__))

# symbol: (tick size, lot size, weight, month-start anchor prices Jan..Sep 2025)
SYMBOLS = {
    "BTCUSDT": ("0.1", "0.001", 0.35, [94000, 102000, 84000, 82500, 94000, 104500, 107000, 115500, 108500]),
    "ETHUSDT": ("0.01", "0.001", 0.30, [3350, 3300, 2200, 1820, 1800, 2530, 2490, 3700, 4400]),
    "SOLUSDT": ("0.01", "0.1", 0.20, [190, 232, 145, 125, 148, 155, 155, 165, 200]),
    "BNBUSDT": ("0.01", "0.01", 0.15, [705, 680, 590, 605, 600, 660, 655, 770, 860]),
}

# Trades (by entry order) in the rough patch, and forced losses that make the streaks deterministic.
ROUGH_PATCH = range(95, 150)
LOSING_STREAKS = [range(40, 43), range(104, 110), range(121, 125), range(136, 139)]
FORCED_LOSSES = {n for streak in LOSING_STREAKS for n in streak}
FORCED_WINS = {n for streak in LOSING_STREAKS for n in (streak.start - 1, streak.stop)}
FORCED_BREAKEVENS = {17, 66, 131, 177, 203, 238}
MAX_RANDOM_LOSSES = 4  # outside the scripted streaks, a run of losses is cut here


def month_anchor(symbol, t):
    """The anchor price at time t: log-linear interpolation between month-start prices."""
    anchors = SYMBOLS[symbol][3]
    m = t.month - 1
    start = datetime(2025, m + 1, 1, tzinfo=timezone.utc)
    end = datetime(2025, m + 2, 1, tzinfo=timezone.utc) if m < 11 else datetime(2026, 1, 1, tzinfo=timezone.utc)
    frac = (t - start) / (end - start)
    lo, hi = math.log(anchors[m]), math.log(anchors[min(m + 1, len(anchors) - 1)])
    return math.exp(lo + (hi - lo) * frac)


class Market:
    """Hourly prices: the anchor times a mean-reverting (Ornstein-Uhlenbeck) noise, so levels stay near 2025's."""

    def __init__(self, rng, symbol):
        self.symbol = symbol
        self.hours = {}
        x = 0.0
        t = START - timedelta(days=1)
        end = START + timedelta(days=260)
        while t <= end:
            x = 0.98 * x + rng.gauss(0.0, 0.006)
            self.hours[t] = month_anchor(symbol, t) * math.exp(x)
            t += timedelta(hours=1)

    def price(self, t):
        hour = t.replace(minute=0, second=0, microsecond=0)
        return self.hours[hour]


def to_tick(value, tick, rounding=ROUND_HALF_UP):
    tick = Decimal(tick)
    return (Decimal(repr(value)) / tick).quantize(Decimal(1), rounding=rounding) * tick


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def cents(value):
    q = value.quantize(CENT, rounding=ROUND_HALF_UP)
    return q if q != 0 else Decimal("0.00")  # never "-0.00"


def main():
    rng = random.Random(SEED)
    markets = {s: Market(rng, s) for s in SYMBOLS}
    names = list(SYMBOLS)
    weights = [SYMBOLS[s][2] for s in names]

    trades = []  # dicts in entry order
    losses_in_a_row = 0
    entry = START + timedelta(hours=9)
    for n in range(TRADES):
        entry += timedelta(hours=rng.uniform(12, 34), minutes=rng.randint(0, 59), seconds=rng.randint(0, 59))
        entry = entry.replace(microsecond=0)
        open_symbols = {t["symbol"] for t in trades if t["exit_time"] > entry}
        choices = [(s, w) for s, w in zip(names, weights) if s not in open_symbols] or list(zip(names, weights))
        symbol = rng.choices([s for s, _ in choices], [w for _, w in choices])[0]
        tick, lot = SYMBOLS[symbol][0], SYMBOLS[symbol][1]
        side = "long" if rng.random() < 0.56 else "short"
        sign = 1 if side == "long" else -1
        duration = timedelta(minutes=int(rng.lognormvariate(math.log(14 * 60), 0.8)) + 35)
        exit_time = entry + duration
        entry_price = to_tick(markets[symbol].price(entry), tick)

        # Size from the balance realised before entry (closed trades only), 0.9% risk to the stop.
        balance = INITIAL_BALANCE + sum((t["pnl"] for t in trades if t["exit_time"] <= entry), Decimal(0))
        stop_fraction = rng.uniform(0.008, 0.025)
        stop_distance = float(entry_price) * stop_fraction
        qty = (Decimal(repr(float(balance) * RISK_FRACTION / stop_distance)) / Decimal(lot)).quantize(
            Decimal(1), rounding=ROUND_FLOOR) * Decimal(lot)
        qty = max(qty, Decimal(lot))
        rr = round(rng.choice([1.5, 1.8, 2.0, 2.0, 2.5, 3.0]) + rng.choice([0, 0, 0.1, -0.1]), 1)
        has_rr = rng.random() < 0.9

        win_probability = 0.22 if n in ROUGH_PATCH else 0.40
        roll = rng.random()
        slip_rate = Decimal(repr(round(rng.uniform(0.00003, 0.00025), 6)))
        if n in FORCED_BREAKEVENS:
            outcome = "breakeven"
        elif n in FORCED_LOSSES:
            outcome = "loss"
        elif n in FORCED_WINS or losses_in_a_row >= MAX_RANDOM_LOSSES:
            outcome = "win"
        else:
            outcome = "win" if roll < win_probability else "loss"
        losses_in_a_row = losses_in_a_row + 1 if outcome == "loss" else 0

        if outcome == "win":
            reach = 1.0 if rng.random() < 0.55 else rng.uniform(0.35, 0.95)
            move = stop_distance * rr * reach
        elif outcome == "loss":
            move = -stop_distance * (1.0 if rng.random() < 0.7 else rng.uniform(0.3, 0.9))
        else:
            # Stop moved to break-even plus costs: the exit covers fees and slippage exactly.
            cost_per_unit = float(entry_price) * float(2 * FEE_RATE + 2 * slip_rate)
            move = cost_per_unit
        exit_price = to_tick(float(entry_price) + sign * move, tick)
        if exit_price <= 0:
            raise AssertionError("non-positive price")

        notional = (entry_price + exit_price) * qty
        fees = cents(notional * FEE_RATE)
        slippage = cents(notional * slip_rate)
        gross = (exit_price - entry_price) * qty * sign
        if outcome == "breakeven":
            fees = cents(gross - slippage)  # the fee line absorbs the sub-cent remainder
            for adjust in (Decimal(0), CENT, -CENT):
                if cents(gross - (fees + adjust) - slippage) == 0:
                    fees += adjust
                    break
        pnl = cents(gross - fees - slippage)
        if outcome == "breakeven":
            assert pnl == 0, (n, gross, fees, slippage)
        trades.append(
            {
                "n": n,
                "trade_id": "TP-%04d" % (n + 1),
                "symbol": symbol,
                "side": side,
                "entry_time": entry,
                "exit_time": exit_time,
                "entry_price": entry_price,
                "exit_price": exit_price,
                "quantity": qty,
                "pnl": pnl,
                "fees": fees,
                "slippage": slippage,
                "risk_reward": Decimal(repr(rr)) if has_rr else None,
            }
        )

    trades.sort(key=lambda t: (t["exit_time"], t["trade_id"]))
    exits = [t["exit_time"] for t in trades]
    assert len(set(exits)) == len(exits), "two trades exit at the same second"

    # Balances: initial, one per exit, and a few intraday snapshots on days with trading activity.
    balances = [(START, INITIAL_BALANCE)]
    balance = INITIAL_BALANCE
    for t in trades:
        balance += t["pnl"]
        balances.append((t["exit_time"], balance))
    snapshot_days = sorted(rng.sample(range(5, 235), 14))
    for day in snapshot_days:
        when = START + timedelta(days=day, hours=12)
        current = INITIAL_BALANCE + sum((t["pnl"] for t in trades if t["exit_time"] <= when), Decimal(0))
        if when not in exits:
            balances.append((when, current))
    balances.sort(key=lambda b: b[0])

    check(trades, balances)
    write(trades, balances)


def check(trades, balances):
    """The properties the sample promises; the script fails rather than write a sample that breaks them."""
    for t in trades:
        sign = 1 if t["side"] == "long" else -1
        gross = (t["exit_price"] - t["entry_price"]) * t["quantity"] * sign
        assert t["pnl"] == cents(gross - t["fees"] - t["slippage"]), t
        assert t["exit_time"] > t["entry_time"] and t["fees"] >= 0 and t["slippage"] >= 0, t
    pnls = [t["pnl"] for t in trades]
    streak = longest = 0
    streaks = []
    for p in pnls:
        streak = streak + 1 if p < 0 else 0
        longest = max(longest, streak)
        if streak == 3:
            streaks.append(3)
    peak = float(balances[0][1])
    max_dd = 0.0
    for _, b in balances:
        peak = max(peak, float(b))
        max_dd = max(max_dd, 1 - float(b) / peak)
    wins = sum(1 for p in pnls if p > 0)
    breakevens = sum(1 for p in pnls if p == 0)
    total_return = float(balances[-1][1]) / float(INITIAL_BALANCE) - 1
    months = {t["exit_time"].month for t in trades}
    print(
        "trades=%d wins=%d losses=%d breakevens=%d longest_losing_streak=%d streaks>=3:%d max_drawdown=%.1f%% "
        "return=%.1f%% balances=%d months=%s"
        % (len(trades), wins, len(pnls) - wins - breakevens, breakevens, longest, len(streaks), 100 * max_dd,
           100 * total_return, len(balances), sorted(months))
    )
    assert 3 <= longest <= 6, longest
    assert len(streaks) >= 2
    assert 0.10 <= max_dd <= 0.20, max_dd
    assert breakevens >= 3
    assert 0 < total_return < 0.6
    assert len({t["symbol"] for t in trades}) == 4 and {t["side"] for t in trades} == {"long", "short"}


def fmt(value):
    return "" if value is None else str(value)


TRADE_COLUMNS = ["trade_id", "symbol", "side", "entry_time", "exit_time", "entry_price", "exit_price", "quantity",
                 "pnl", "fees", "slippage", "risk_reward"]


def cell(t, column):
    value = t[column]
    return iso(value) if isinstance(value, datetime) else fmt(value)


def write(trades, balances):
    with open(os.path.join(HERE, "sample-trades.csv"), "w", newline="\n", encoding="utf-8") as out:
        out.write(",".join(TRADE_COLUMNS) + "\n")
        for t in trades:
            out.write(",".join(cell(t, c) for c in TRADE_COLUMNS) + "\n")
    with open(os.path.join(HERE, "sample-balances.csv"), "w", newline="\n", encoding="utf-8") as out:
        out.write("time,balance\n")
        for when, balance in balances:
            out.write("%s,%s\n" % (iso(when), balance))
    with open(os.path.join(HERE, "sample-trades.jsonl"), "w", newline="\n", encoding="utf-8") as out:
        for t in trades[:JSONL_ROWS]:
            # Numbers are written with the CSV's exact decimal text, so both files denote the same doubles.
            parts = []
            for c in TRADE_COLUMNS:
                if t[c] is None:
                    continue
                if isinstance(t[c], Decimal):
                    parts.append("%s:%s" % (json.dumps(c), t[c]))
                else:
                    parts.append("%s:%s" % (json.dumps(c), json.dumps(cell(t, c))))
            out.write("{" + ",".join(parts) + "}\n")


if __name__ == "__main__":
    main()
