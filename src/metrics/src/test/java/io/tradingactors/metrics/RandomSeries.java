package io.tradingactors.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random but reproducible inputs for the property tests: jqwik draws a seed (and a size), this turns it into a long
 * series. Balances are strictly positive; times never go backwards and mix equal instants, ticks within a day, ticks
 * a millisecond either side of midnight UTC, single-day steps and multi-day gaps. Balances mix random moves, exact
 * repeats and exact returns to the running peak (the {@code >=} edge of the drawdown rules).
 */
final class RandomSeries {

  /** Somewhere in 2019..2027, so calendar days vary. */
  private static final long ORIGIN = 1_546_300_800_000L; // 2019-01-01T00:00Z

  final long[] times;
  final double[] balances;

  private RandomSeries(long[] times, double[] balances) {
    this.times = times;
    this.balances = balances;
  }

  static RandomSeries of(long seed, int n) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long[] t = new long[n];
    double[] b = new double[n];
    long time = ORIGIN + rnd.nextLong(8 * 365 * Time.MS_PER_DAY);
    double balance = 100 + rnd.nextDouble() * 100_000;
    double peak = balance;
    double drift = (rnd.nextDouble() - 0.5) * 0.004;
    double vol = 0.001 + rnd.nextDouble() * 0.04;
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        time += gap(rnd, time);
        int move = rnd.nextInt(100);
        if (move < 8) {
          // the same balance again
        } else if (move < 13) {
          balance = peak; // back exactly at the running peak
        } else {
          balance *= 1 + drift + (rnd.nextDouble() * 2 - 1) * vol;
        }
      }
      peak = Math.max(peak, balance);
      t[i] = time;
      b[i] = balance;
    }
    return new RandomSeries(t, b);
  }

  private static long gap(SplittableRandom rnd, long time) {
    int kind = rnd.nextInt(100);
    if (kind < 10) {
      return 0; // same instant
    } else if (kind < 55) {
      return 1 + rnd.nextLong(6 * Fixtures.HOUR); // several ticks a day
    } else if (kind < 80) {
      return Time.MS_PER_DAY / 2 + rnd.nextLong(Time.MS_PER_DAY); // about a day
    } else if (kind < 92) {
      return 2 * Time.MS_PER_DAY + rnd.nextLong(9 * Time.MS_PER_DAY); // a multi-day gap
    } else {
      // to a millisecond before, at, or after the next midnight UTC
      long nextMidnight = (Time.utcDay(time) + 1) * Time.MS_PER_DAY;
      return nextMidnight - time + rnd.nextInt(3) - 1;
    }
  }

  static List<TradeOutcome> trades(long seed, int n) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<TradeOutcome> out = new ArrayList<>(n);
    long entry = ORIGIN + rnd.nextLong(8 * 365 * Time.MS_PER_DAY);
    double scale = 1 + rnd.nextDouble() * 1000;
    for (int i = 0; i < n; i++) {
      // entries move forward (sometimes back a little: trades overlap), exits after their entries
      entry += rnd.nextLong(3 * Time.MS_PER_DAY) - Fixtures.HOUR;
      long exit = entry + rnd.nextLong(5 * Time.MS_PER_DAY);
      int kind = rnd.nextInt(100);
      double pnl;
      if (kind < 12) {
        pnl = 0.0; // breakeven
      } else if (kind < 15) {
        pnl = Math.round(rnd.nextDouble() * 100) - 50; // whole numbers, exact repeats likely
      } else {
        pnl = (rnd.nextDouble() * 2 - 0.9) * scale;
      }
      double fees = rnd.nextDouble() * scale * 0.01;
      double slippage = rnd.nextInt(4) == 0 ? 0.0 : rnd.nextDouble() * scale * 0.005;
      Double rr = rnd.nextInt(3) == 0 ? null : rnd.nextDouble() * 5;
      out.add(new TradeOutcome(entry, exit, pnl, fees, slippage, rr));
    }
    return out;
  }

  /** Random daily returns for the moment tests. */
  static double[] returns(long seed, int n) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double mean = (rnd.nextDouble() - 0.5) * 0.01;
    double vol = 0.001 + rnd.nextDouble() * 0.05;
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = rnd.nextInt(10) == 0 ? 0.0 : mean + (rnd.nextDouble() * 2 - 1) * vol;
    }
    return r;
  }
}
