#!/usr/bin/env python3
"""Drives a real TradingActors node through the Python client, as a live engine would; test_client.py's live tests run it.

    python3 drive_server.py --base-url http://127.0.0.1:8080 [--token T] [--strategy FRESH_ID] [--timeout 55]

Records 5 trades (win, win, loss, loss, loss) and balances for a fresh strategy, checks that a retried trade id
changes nothing, that the metrics count 5 trades, that the default risk policy (3 consecutive losses -> 0.5) cut the
exposure, that the SSE stream delivers the snapshot and the exposure change both live and replayed from the journal
(Last-Event-ID "<strategy>:0"), and that a bad trade is refused with 400 and persists nothing.
Exit code 0 when every check passes, 1 with a message naming the first failed check.
"""

import argparse
import os
import signal
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, List, Optional, TypeVar

from trading_actors_client import StreamEvent, TradingActorsClient, TradingActorsError

T = TypeVar("T")


class CheckFailed(Exception):
    pass


def check(condition: bool, what: str, actual: Any = None) -> None:
    if not condition:
        raise CheckFailed(f"{what} (got: {actual!r})")
    print(f"ok: {what}", flush=True)


def eventually(read: Callable[[], T], done: Callable[[T], bool], seconds: float = 10.0) -> T:
    """Polls ``read`` until ``done`` holds or ``seconds`` pass (the risk manager acts just after the write's reply);
    returns the last value read."""
    deadline = time.monotonic() + seconds
    while True:
        value = read()
        if done(value) or time.monotonic() >= deadline:
            return value
        time.sleep(0.2)


def has(events: List[StreamEvent], kind: str) -> bool:
    return any(e.event == kind for e in events)


class Follower(threading.Thread):
    """Follows the stream in the background until an exposure event arrives or ``seconds`` pass."""

    def __init__(self, client: TradingActorsClient, strategy: str, seconds: float,
                 last_event_id: Optional[str] = None) -> None:
        super().__init__(daemon=True)
        self.client, self.strategy, self.seconds, self.last_event_id = client, strategy, seconds, last_event_id
        self.events: List[StreamEvent] = []
        self.error: Optional[BaseException] = None
        self.first_event = threading.Event()

    def run(self) -> None:
        try:
            for event in self.client.stream(self.strategy, self.last_event_id, max_seconds=self.seconds):
                self.events.append(event)
                self.first_event.set()
                if event.event == "exposure":
                    break
        except BaseException as e:  # reported by the main thread
            self.error = e
        finally:
            self.first_event.set()

    def result(self) -> List[StreamEvent]:
        self.join(self.seconds + 5)
        if self.error is not None:
            raise CheckFailed(f"stream of {self.strategy} failed: {self.error!r}")
        return self.events


def trades(start: datetime) -> List[dict]:
    out = []
    for i, pnl in enumerate([12.5, 8.0, -5.0, -4.0, -6.0]):
        entry = start + timedelta(minutes=10 * i)
        out.append({"trade_id": f"t-{i + 1}", "symbol": "BTCUSDT", "side": "long" if i % 2 == 0 else "short",
                    "entry_time": entry, "exit_time": entry + timedelta(minutes=5), "entry_price": 100.0,
                    "exit_price": 100.0 + pnl / 10 if i % 2 == 0 else 100.0 - pnl / 10, "quantity": 10.0,
                    "pnl": pnl, "fees": 0.1, "slippage": 0.05})
    return out


def expect_refused(what: str, call: Callable[[], Any], status: int, error: str, field: str) -> None:
    try:
        reply = call()
    except TradingActorsError as e:
        check(e.status == status and e.error == error and field in e.message,
              f"{what}: {status} {error} naming '{field}'", (e.status, e.error, e.message))
        return
    raise CheckFailed(f"{what}: expected {status} {error}, the server accepted it: {reply!r}")


def drive(client: TradingActorsClient, s: str) -> None:
    deadline = time.monotonic() + 20
    while not client.ready():
        if time.monotonic() > deadline:
            raise CheckFailed(f"{client.base_url}/health/ready did not answer 200 within 20 s")
        time.sleep(0.5)
    check(True, "node ready")
    expect_refused(f"strategy {s} is fresh (GET metrics)", lambda: client.metrics(s), 404, "not_found", "")

    start = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(hours=2)
    ts = trades(start)
    reply = client.update_balance(s, start - timedelta(minutes=1), 100_000.0)
    check(reply["status"] == 201 and reply["recorded"] == 1, "initial balance recorded (201, recorded 1)", reply)

    live = Follower(client, s, 20.0)
    live.start()
    live.first_event.wait(10)
    check(has(live.events, "snapshot"), "live stream opens with the strategy's current snapshot", live.events)

    reply = client.record_trade(s, ts[0])
    check(reply["status"] == 201 and reply["recorded"] == 1, "one trade recorded (201, recorded 1)", reply)
    reply = client.record_trades(s, ts[1:])
    check(reply["status"] == 201 and (reply["recorded"], reply["duplicates"]) == (4, 0),
          "batch of 4 trades recorded (201, recorded 4, duplicates 0)", reply)
    sequence_nr = reply["sequence_nr"]
    reply = client.record_trade(s, ts[2])
    check(reply["status"] == 200 and (reply["recorded"], reply["duplicates"]) == (0, 1),
          "retried trade id acknowledged (200, recorded 0, duplicates 1)", reply)
    check(reply["sequence_nr"] == sequence_nr, "a retried trade leaves the sequence nr alone", reply)

    balance, points = 100_000.0, []
    for t in ts:
        balance += t["pnl"]
        points.append((t["exit_time"], balance))
    reply = client.update_balances(s, points)
    check(reply["status"] == 201 and reply["recorded"] == 5, "5 balances recorded (201)", reply)
    reply = client.update_balance(s, *points[-1])
    check(reply["status"] == 200 and reply["recorded"] == 0, "resent balance acknowledged (200, recorded 0)", reply)

    metrics = eventually(lambda: client.metrics(s), lambda m: m["metrics"]["total_trades"] == 5)["metrics"]
    check(metrics["total_trades"] == 5, "metrics: total_trades == 5", metrics.get("total_trades"))
    check((metrics["losing_trades"], metrics["consecutive_losses"]) == (3, 3),
          "metrics: losing_trades == 3, consecutive_losses == 3",
          (metrics.get("losing_trades"), metrics.get("consecutive_losses")))

    exposure = eventually(lambda: client.exposure(s), lambda e: e["exposure"] == 0.5)
    check(exposure["exposure"] == 0.5 and exposure["rule"] == "consecutive_losses",
          "exposure cut to 0.5 by rule consecutive_losses", exposure)
    events = [e for e in client.risk_events(s) if e["type"] == "exposure_changed"]
    check(len(events) == 1 and (events[0]["from"], events[0]["to"]) == (1.0, 0.5),
          "one risk event: exposure_changed 1.0 -> 0.5", events)
    listed = [x for x in client.strategies() if x["strategy_id"] == s]
    check(len(listed) == 1 and listed[0]["exposure"] == 0.5, "strategy listed with exposure 0.5", listed)

    seen = live.result()
    check(has(seen, "exposure"), "live stream delivered the exposure change", seen)

    replayed: List[StreamEvent] = []
    for event in client.stream(s, last_event_id=f"{s}:0", max_seconds=15):
        replayed.append(event)
        if has(replayed, "snapshot") and has(replayed, "exposure"):
            break
    snapshot = next((e for e in replayed if e.event == "snapshot"), None)
    check(snapshot is not None and snapshot.data["strategy_id"] == s, f"stream from {s}:0 sends a snapshot",
          replayed)
    exposed = next((e for e in replayed if e.event == "exposure"), None)
    check(exposed is not None and exposed.id == f"{s}:{events[0]['sequence_nr']}"
          and (exposed.data["strategy_id"], exposed.data["to"], exposed.data["rule"]) == (s, 0.5, "consecutive_losses"),
          f"stream from {s}:0 replays the exposure event with id {s}:{events[0]['sequence_nr']}", exposed)

    bad = dict(ts[0], trade_id="t-bad", pnl="NaN")
    expect_refused("trade with pnl \"NaN\"", lambda: client.record_trade(s, bad), 400, "invalid_input", "pnl")
    missing = {k: v for k, v in dict(ts[0], trade_id="t-bad-2").items() if k != "fees"}
    expect_refused("trade without fees", lambda: client.record_trades(s, [missing]), 400, "invalid_input", "fees")
    total = client.metrics(s)["metrics"]["total_trades"]
    check(total == 5, "refused trades persisted nothing (total_trades still 5)", total)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8080")
    parser.add_argument("--token", default=os.environ.get("TRADING_ACTORS_TOKEN"))
    parser.add_argument("--strategy", default=f"py-drive-{int(time.time())}-{os.getpid()}",
                        help="a strategy id with no events yet")
    parser.add_argument("--timeout", type=float, default=55.0, help="seconds for the whole run")
    args = parser.parse_args(argv)

    def too_long(*_: Any) -> None:
        raise CheckFailed(f"the run took longer than {args.timeout:g} s")
    if hasattr(signal, "SIGALRM"):
        signal.signal(signal.SIGALRM, too_long)
        signal.setitimer(signal.ITIMER_REAL, args.timeout)

    client = TradingActorsClient(args.base_url, token=args.token, timeout=5.0, retries=3)
    try:
        drive(client, args.strategy)
    except CheckFailed as e:
        print(f"FAILED: {e}", file=sys.stderr)
        return 1
    except (TradingActorsError, KeyError, TypeError, ValueError) as e:
        print(f"FAILED: unexpected {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    finally:
        if hasattr(signal, "SIGALRM"):
            signal.setitimer(signal.ITIMER_REAL, 0)
    print(f"all checks passed for strategy {args.strategy}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
