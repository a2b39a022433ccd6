#!/usr/bin/env python3
"""A toy live engine on the TradingActors Python client: it reports each closed trade and the balance after it,
sizes every new position by the risk manager's exposure, and follows the event stream to learn of exposure changes
as they happen.

    bin/trading-actors serve --port 8080 &
    python3 examples/live_engine.py --base-url http://127.0.0.1:8080 [--strategy ID] [--follow 3]

The trades are scripted (two wins, then a losing streak): after the third loss in a row the default risk policy
cuts the exposure from 1.0 to 0.5, the stream says so, and the next positions are half size. It then follows the
stream for ``--follow`` seconds and prints what it sees. Exit code 0 when the cut was seen on the stream and applied.
Standard library only; the client is clients/python/trading_actors_client.py.
"""

import argparse
import os
import sys
import threading
import time
from datetime import datetime, timedelta, timezone

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "clients", "python"))

from trading_actors_client import TradingActorsClient, TradingActorsError  # noqa: E402

BASE_SIZE = 2.0  # units at full exposure
# Per-unit results of the scripted trades: two wins, four losses, two wins.
SCRIPT = [6.0, 4.0, -3.0, -2.5, -3.5, -2.0, 5.0, 4.5]


class Engine:
    def __init__(self, client: TradingActorsClient, strategy: str) -> None:
        self.client, self.strategy = client, strategy
        self.lock = threading.Lock()
        self.exposure = 1.0
        self.cut_seen = threading.Event()
        self.stop = threading.Event()
        self.last_event_id = None

    def follow(self) -> None:
        """Follows the stream until stopped: exposure changes resize the next positions at once."""
        try:
            for event in self.client.stream(self.strategy, max_seconds=60):
                if self.stop.is_set():
                    return
                if event.event == "exposure":
                    d = event.data
                    with self.lock:
                        self.exposure = d["to"]
                    self.last_event_id = event.id
                    print(f"stream: exposure {d['from']} -> {d['to']} ({d['rule']}): {d['reason']}", flush=True)
                    if d["to"] < d["from"]:
                        self.cut_seen.set()
                elif event.event == "snapshot":
                    m = event.data["metrics"]
                    print(f"stream: snapshot #{event.data['sequence_nr']}: {m['total_trades']} trades, "
                          f"net pnl {m['net_pnl']}, balance {m['current_balance']}", flush=True)
                elif event.event == "reset":
                    # The server cannot say what was missed: re-read the exposure.
                    exposure = self.client.exposure(self.strategy)["exposure"]
                    with self.lock:
                        self.exposure = exposure
                    print(f"stream: reset ({event.data['reason']}); exposure re-read: {exposure}", flush=True)
        except TradingActorsError as e:
            print(f"stream failed: {e}", file=sys.stderr, flush=True)

    def size(self) -> float:
        with self.lock:
            return BASE_SIZE * self.exposure

    def trade(self, n: int, per_unit: float, start: datetime, balance: float) -> float:
        size = self.size()
        entry = start + timedelta(minutes=15 * n)
        exit_ = entry + timedelta(minutes=10)
        pnl = round(per_unit * size, 2)
        reply = self.client.record_trade(self.strategy, {
            "trade_id": f"live-{n}", "symbol": "BTCUSDT", "side": "long", "entry_time": entry, "exit_time": exit_,
            "entry_price": 100.0, "exit_price": 100.0 + per_unit, "quantity": size,
            "pnl": pnl, "fees": 0.0, "slippage": 0.0})
        balance = round(balance + pnl, 2)
        self.client.update_balance(self.strategy, exit_, balance)
        print(f"trade live-{n}: size {size:g} (exposure {size / BASE_SIZE:g}), pnl {pnl:+g}, balance {balance:g} "
              f"-> journal at {reply['sequence_nr']}", flush=True)
        return balance


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8080")
    parser.add_argument("--strategy", default=f"live-engine-{int(time.time())}")
    parser.add_argument("--follow", type=float, default=3.0, help="seconds to follow the stream after trading")
    args = parser.parse_args()

    client = TradingActorsClient(args.base_url)
    if not client.ready():
        print(f"{args.base_url} is not ready (GET /health/ready)", file=sys.stderr)
        return 1
    engine = Engine(client, args.strategy)
    engine.exposure = client.exposure(args.strategy)["exposure"]
    print(f"strategy {args.strategy}: starting at exposure {engine.exposure}", flush=True)
    follower = threading.Thread(target=engine.follow, daemon=True)
    follower.start()
    time.sleep(0.3)  # let the stream open before the first trade

    start = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(hours=3)
    balance = 10_000.0
    client.update_balance(args.strategy, start, balance)
    sizes = []
    for n, per_unit in enumerate(SCRIPT, start=1):
        sizes.append(engine.size())
        balance = engine.trade(n, per_unit, start, balance)
        if n == 5:
            # The third loss in a row was just recorded: the risk manager decides, the stream tells us.
            if not engine.cut_seen.wait(10):
                print("no exposure cut on the stream within 10 s of the third loss", file=sys.stderr)
                return 1

    time.sleep(args.follow)
    engine.stop.set()
    exposure = client.exposure(args.strategy)
    print(f"final exposure {exposure['exposure']} (rule {exposure['rule']}); position sizes {sizes}", flush=True)
    if not (exposure["exposure"] == 0.5 and sizes[-1] == BASE_SIZE * 0.5):
        print("expected the exposure cut to 0.5 and the last positions at half size", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
