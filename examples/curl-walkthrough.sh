#!/usr/bin/env bash
# The story of docs/api.md with curl, against a running server:
#
#   bin/trading-actors serve --port 8080 &
#   examples/curl-walkthrough.sh http://127.0.0.1:8080 [STRATEGY]
#
# One winning trade, then three losing trades in one batch (the consecutive-losses rule cuts the exposure to 0.5),
# five balances; then the reads (strategies, metrics, balance history, exposure, risk events), an operator halt and
# resume, and the stream replayed from the first decision. With a token, export TRADING_ACTORS_TOKEN first.
# Exits non-zero when a request fails or the exposure is not cut to 0.5. Needs bash and curl.
set -euo pipefail

base="${1:?usage: $0 BASE_URL [STRATEGY]   e.g. $0 http://127.0.0.1:8080}"
base="${base%/}"
s="${2:-trend-1}"
auth=()
if [ -n "${TRADING_ACTORS_TOKEN:-}" ]; then
  auth=(-H "Authorization: Bearer $TRADING_ACTORS_TOKEN")
fi

step() { printf '\n== %s\n' "$*"; }
# curl with the status after the body; fails (exit 22) on 4xx/5xx, printing the error body.
call() { curl -sS --fail-with-body "${auth[@]}" -w ' %{http_code}\n' "$@"; }
post() { call -X POST -H 'Content-Type: application/json' "$base$1" -d "$2"; }

step "1. one winning trade"
post "/v1/strategies/$s/trades" '{"trade_id": "T-1", "symbol": "BTCUSDT", "side": "long",
  "entry_time": "2025-03-03T09:00:00Z", "exit_time": "2025-03-03T13:30:00Z",
  "entry_price": 86000.0, "exit_price": 87600.0, "quantity": 0.1,
  "pnl": 150.0, "fees": 6.5, "slippage": 3.5, "risk_reward": 2.0}'

step "2. three losing trades in one batch (the third with epoch-millisecond times)"
losses='[{"trade_id": "T-2", "symbol": "ETHUSDT", "side": "short",
   "entry_time": "2025-03-03T14:00:00Z", "exit_time": "2025-03-03T18:45:00Z",
   "entry_price": 2150.0, "exit_price": 2180.0, "quantity": 2.5,
   "pnl": -80.0, "fees": 3.8, "slippage": 1.2, "risk_reward": 1.5},
  {"trade_id": "T-3", "symbol": "BTCUSDT", "side": "long",
   "entry_time": "2025-03-04T08:00:00Z", "exit_time": "2025-03-04T11:20:00Z",
   "entry_price": 87000.0, "exit_price": 86200.0, "quantity": 0.09,
   "pnl": -80.0, "fees": 6.0, "slippage": 2.0, "risk_reward": 2.0},
  {"trade_id": "T-4", "symbol": "SOLUSDT", "side": "long",
   "entry_time": 1741089600000, "exit_time": 1741101000000,
   "entry_price": 140.0, "exit_price": 137.5, "quantity": 30.0,
   "pnl": -80.0, "fees": 2.8, "slippage": 2.2}]'
post "/v1/strategies/$s/trades" "$losses"

step "   the same batch again: a retry is acknowledged as duplicates (200) and changes nothing"
post "/v1/strategies/$s/trades" "$losses"

step "3. balances"
post "/v1/strategies/$s/balances" '{"time": "2025-03-03T00:00:00Z", "balance": 10000.0}'
post "/v1/strategies/$s/balances" '[{"time": "2025-03-03T13:30:00Z", "balance": 10150.0},
  {"time": "2025-03-03T18:45:00Z", "balance": 10070.0},
  {"time": "2025-03-04T11:20:00Z", "balance": 9990.0},
  {"time": 1741101000000, "balance": 9910.0}]'

step "exposure (the risk manager decides just after the write is answered)"
exposure=""
for _ in $(seq 1 50); do
  reply="$(curl -sS --fail-with-body "${auth[@]}" "$base/v1/strategies/$s/exposure")"
  exposure="$(printf '%s' "$reply" | grep -o '"exposure":[0-9.]*' | head -n1 | cut -d: -f2)"
  [ "$exposure" = "0.5" ] && break
  sleep 0.1
done
printf '%s\n' "$reply"
if [ "$exposure" != "0.5" ]; then
  echo "expected the exposure cut to 0.5 after three losses, got '$exposure'" >&2
  exit 1
fi
echo "exposure cut to $exposure"

step "strategies"
call "$base/v1/strategies"
step "metrics"
call "$base/v1/strategies/$s/metrics"
step "balance history from 2025-03-04"
call "$base/v1/strategies/$s/balances?from=2025-03-04T00:00:00Z"
step "risk events"
call "$base/v1/strategies/$s/risk-events"

step "halt (exposure 0), then resume (back to what the rules allow: 0.5)"
post "/v1/strategies/$s/halt" '{"reason": "exchange maintenance"}'
post "/v1/strategies/$s/resume" '{"reason": "maintenance over"}'

step "a bad trade is refused with 400 and names the field"
if post "/v1/strategies/$s/trades" '{"trade_id": "T-bad", "symbol": "BTCUSDT", "side": "long",
  "entry_time": "2025-03-05T09:00:00Z", "exit_time": "2025-03-05T10:00:00Z",
  "entry_price": 1.0, "exit_price": 1.0, "quantity": 1.0, "pnl": "12", "fees": 0, "slippage": 0}'; then
  echo "the bad trade was accepted" >&2
  exit 1
fi

step "the stream, replayed from the first decision (Last-Event-ID: $s:0), for 2 s"
# curl ends with 28 (timed out) when --max-time stops the open stream: that is the expected end here.
curl -sN "${auth[@]}" --max-time 2 -H "Last-Event-ID: $s:0" "$base/v1/stream?strategy=$s" || [ $? -eq 28 ]
echo
echo "walk-through done for $s"
