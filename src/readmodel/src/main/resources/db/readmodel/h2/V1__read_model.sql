-- The SQL read model (docs/read-model.md), kept up to date from the journal by the projection. H2 dialect;
-- db/readmodel/postgres holds the same tables for PostgreSQL.
--
-- Conventions: `strategy_id` is the strategy, `run` the backtest run ('' for the live track: a run id is never
-- empty). Metric columns are named and defined as in DESIGN §3 and hold exactly what the batch fold computes
-- (DOUBLE PRECISION: the same bits); NULL where §3 says null (an undefined ratio). profit_factor is NUMERIC(10,4):
-- §3 caps it at 9999.9999, so it always fits, rounded half-up to 4 decimals.

-- Trailing 7- and 30-day windows: one row per (strategy, run, window), upserted after each batch of events.
-- The window ends at as_of, the strategy's latest event time (as the metrics snapshot's rolling windows do).
CREATE TABLE strategy_performance (
  strategy_id VARCHAR(64) NOT NULL,
  run VARCHAR(64) NOT NULL,
  rolling_window VARCHAR(3) NOT NULL,
  trade_count BIGINT NOT NULL,
  win_rate DOUBLE PRECISION,
  profit_factor NUMERIC(10,4),
  avg_rr DOUBLE PRECISION,
  net_pnl DOUBLE PRECISION NOT NULL,
  sharpe DOUBLE PRECISION,
  as_of TIMESTAMP WITH TIME ZONE,
  last_sequence_nr BIGINT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (strategy_id, run, rolling_window),
  CONSTRAINT strategy_performance_window CHECK (rolling_window IN ('7d', '30d'))
);

-- Every metric of DESIGN §3 per calendar period (UTC): the batch fold of the period's events alone (trades by exit
-- time, balances by time), so a period's ratios and drawdowns are its own; period_return chains the period's last
-- daily close to the last close before it. all_time is the whole track (period_start 1970-01-01, period_end NULL).
CREATE TABLE performance_metrics (
  strategy_id VARCHAR(64) NOT NULL,
  run VARCHAR(64) NOT NULL,
  period VARCHAR(8) NOT NULL,
  period_start DATE NOT NULL,
  period_end DATE,
  period_return DOUBLE PRECISION,
  total_trades BIGINT NOT NULL,
  winning_trades BIGINT NOT NULL,
  losing_trades BIGINT NOT NULL,
  breakeven_trades BIGINT NOT NULL,
  win_rate DOUBLE PRECISION,
  gross_profit DOUBLE PRECISION NOT NULL,
  gross_loss DOUBLE PRECISION NOT NULL,
  net_pnl DOUBLE PRECISION NOT NULL,
  profit_factor NUMERIC(10,4),
  expectancy DOUBLE PRECISION,
  expectancy_ratio DOUBLE PRECISION,
  avg_win DOUBLE PRECISION,
  avg_loss DOUBLE PRECISION,
  largest_win DOUBLE PRECISION,
  largest_loss DOUBLE PRECISION,
  max_consecutive_wins BIGINT NOT NULL,
  max_consecutive_losses BIGINT NOT NULL,
  consecutive_wins BIGINT NOT NULL,
  consecutive_losses BIGINT NOT NULL,
  avg_trade_duration_hours DOUBLE PRECISION,
  trades_per_day DOUBLE PRECISION NOT NULL,
  total_fees DOUBLE PRECISION NOT NULL,
  total_slippage DOUBLE PRECISION NOT NULL,
  avg_rr DOUBLE PRECISION,
  initial_balance DOUBLE PRECISION,
  current_balance DOUBLE PRECISION,
  peak_balance DOUBLE PRECISION,
  total_return DOUBLE PRECISION,
  cagr DOUBLE PRECISION,
  annual_volatility DOUBLE PRECISION,
  sharpe_ratio DOUBLE PRECISION,
  sortino_ratio DOUBLE PRECISION,
  calmar_ratio DOUBLE PRECISION,
  var_95 DOUBLE PRECISION,
  cvar_95 DOUBLE PRECISION,
  max_drawdown DOUBLE PRECISION,
  current_drawdown DOUBLE PRECISION,
  max_drawdown_duration_days DOUBLE PRECISION,
  days_since_peak DOUBLE PRECISION,
  as_of TIMESTAMP WITH TIME ZONE,
  last_sequence_nr BIGINT NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (strategy_id, run, period, period_start),
  CONSTRAINT performance_metrics_period CHECK (period IN ('daily', 'weekly', 'monthly', 'yearly', 'all_time'))
);

-- The balance over time with peak, drawdown and the ratios as they stood then: the first balance of every interval
-- (trading-actors.read-model.account-history-interval) and every trade close. Insert-only, keyed by journal position.
CREATE TABLE account_history (
  strategy_id VARCHAR(64) NOT NULL,
  run VARCHAR(64) NOT NULL,
  sequence_nr BIGINT NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  cause VARCHAR(7) NOT NULL,
  trade_id VARCHAR(128),
  balance DOUBLE PRECISION,
  peak_balance DOUBLE PRECISION,
  drawdown DOUBLE PRECISION,
  max_drawdown DOUBLE PRECISION,
  total_return DOUBLE PRECISION,
  net_pnl DOUBLE PRECISION NOT NULL,
  sharpe_ratio DOUBLE PRECISION,
  sortino_ratio DOUBLE PRECISION,
  calmar_ratio DOUBLE PRECISION,
  PRIMARY KEY (strategy_id, run, sequence_nr),
  CONSTRAINT account_history_cause CHECK (cause IN ('balance', 'trade'))
);
CREATE INDEX account_history_time ON account_history (strategy_id, run, recorded_at);

-- Every exposure decision of the risk manager (ExposureChanged), keyed by its journal position.
CREATE TABLE risk_events (
  strategy_id VARCHAR(64) NOT NULL,
  sequence_nr BIGINT NOT NULL,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  exposure_from DOUBLE PRECISION NOT NULL,
  exposure_to DOUBLE PRECISION NOT NULL,
  rule VARCHAR(255) NOT NULL,
  reason VARCHAR,
  snapshot_sequence_nr BIGINT NOT NULL,
  PRIMARY KEY (strategy_id, sequence_nr)
);
CREATE INDEX risk_events_time ON risk_events (occurred_at);
CREATE INDEX risk_events_strategy_time ON risk_events (strategy_id, occurred_at);

-- pekko-projection-jdbc 1.0.0's offset store and management tables, as its h2-dialect names them
-- (pekko.projection.jdbc.offset-store.use-lowercase-schema = true). The projection writes its offset here in the same
-- transaction as the rows it produced: that is what makes it exactly-once.
CREATE TABLE IF NOT EXISTS "pekko_projection_offset_store" (
  "projection_name" VARCHAR(255) NOT NULL,
  "projection_key" VARCHAR(255) NOT NULL,
  "current_offset" VARCHAR(255) NOT NULL,
  "manifest" VARCHAR(4) NOT NULL,
  "mergeable" BOOLEAN NOT NULL,
  "last_updated" BIGINT NOT NULL,
  PRIMARY KEY ("projection_name", "projection_key")
);
CREATE INDEX IF NOT EXISTS "projection_name_index" ON "pekko_projection_offset_store" ("projection_name");

CREATE TABLE IF NOT EXISTS "pekko_projection_management" (
  "projection_name" VARCHAR(255) NOT NULL,
  "projection_key" VARCHAR(255) NOT NULL,
  "paused" BOOLEAN NOT NULL,
  "last_updated" BIGINT NOT NULL,
  PRIMARY KEY ("projection_name", "projection_key")
);
