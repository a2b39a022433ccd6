"""Tests of trading_actors_client: against a fake server (http.server in a thread), and against a real node when
``TRADING_ACTORS_URL`` is set (the .NET suite, tests/TradingActors.Stream.Tests, starts one and sets it); stdlib only.

    cd clients/python && python3 -m unittest -v test_client
    TRADING_ACTORS_URL=http://127.0.0.1:8080 python3 -m unittest -v test_client     # also the live tests
"""

import json
import os
import uuid
import threading
import time
import unittest
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, List, Optional
from unittest import mock

import drive_server
from trading_actors_client import StreamEvent, TradingActorsClient, TradingActorsError, _SseParser, to_api_time

TRADE = {"trade_id": "t-1", "symbol": "BTCUSDT", "side": "long",
         "entry_time": datetime(2025, 3, 1, 14, 0, tzinfo=timezone.utc), "exit_time": 1740841200000,
         "entry_price": 100.0, "exit_price": 101.0, "quantity": 1.0, "pnl": 0.9, "fees": 0.05, "slippage": 0.05}


class Request:
    def __init__(self, handler: BaseHTTPRequestHandler, body: bytes) -> None:
        self.method, self.path, self.headers, self.body = handler.command, handler.path, handler.headers, body

    def json(self):
        return json.loads(self.body)


class FakeServer:
    """Answers the n-th request with ``responders[n]`` (the last one repeats) and records every request."""

    def __init__(self, *responders: Callable[[BaseHTTPRequestHandler], None]) -> None:
        self.requests: List[Request] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def _handle(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                fake.requests.append(Request(self, body))
                try:
                    responders[min(len(fake.requests), len(responders)) - 1](self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client left first (a stream past its deadline)

            do_GET = do_POST = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def reply(status: int, body, headers: Optional[dict] = None) -> Callable[[BaseHTTPRequestHandler], None]:
    def respond(h: BaseHTTPRequestHandler) -> None:
        data = json.dumps(body).encode()
        h.send_response(status)
        for k, v in {"Content-Type": "application/json", "Content-Length": str(len(data)), **(headers or {})}.items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(data)
    return respond


def hang_up(h: BaseHTTPRequestHandler) -> None:
    """Closes the connection without a status line (the client sees RemoteDisconnected)."""
    h.close_connection = True


def sse(text: str) -> Callable[[BaseHTTPRequestHandler], None]:
    """Sends ``text`` as an event stream, then drops the connection."""
    def respond(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/event-stream")
        h.send_header("Connection", "close")
        h.end_headers()
        h.wfile.write(text.encode())
        h.wfile.flush()
        h.close_connection = True
    return respond


class ClientTest(unittest.TestCase):
    def serve(self, *responders) -> FakeServer:
        server = FakeServer(*responders)
        self.addCleanup(server.close)
        return server

    def client(self, server: FakeServer, **kwargs) -> TradingActorsClient:
        kwargs.setdefault("backoff", 0.01)
        kwargs.setdefault("timeout", 5.0)
        return TradingActorsClient(server.url, **kwargs)

    def test_retries_after_503_honouring_retry_after_then_succeeds(self):
        ok = {"strategy_id": "s1", "recorded": 1, "duplicates": 0, "sequence_nr": 3}
        server = self.serve(reply(503, {"error": "unavailable", "message": "journal down"}, {"Retry-After": "1"}),
                            reply(201, ok))
        started = time.monotonic()
        result = self.client(server).record_trade("s1", TRADE)
        self.assertGreaterEqual(time.monotonic() - started, 0.9)
        self.assertEqual({**ok, "status": 201}, result)
        self.assertEqual(2, len(server.requests))
        self.assertEqual(server.requests[0].body, server.requests[1].body)
        sent = server.requests[1]
        self.assertEqual(("POST", "/v1/strategies/s1/trades"), (sent.method, sent.path))
        self.assertEqual("application/json", sent.headers["Content-Type"])
        self.assertEqual("2025-03-01T14:00:00Z", sent.json()["entry_time"])
        self.assertEqual(1740841200000, sent.json()["exit_time"])

    def test_retries_after_a_dropped_connection_and_acknowledges_a_duplicate(self):
        dup = {"strategy_id": "s1", "recorded": 0, "duplicates": 1, "sequence_nr": 3}
        server = self.serve(hang_up, reply(200, dup))
        self.assertEqual({**dup, "status": 200}, self.client(server).record_trades("s1", [TRADE]))
        self.assertEqual(2, len(server.requests))
        self.assertIsInstance(server.requests[1].json(), list)

    def test_gives_up_after_the_retries(self):
        server = self.serve(reply(503, {"error": "unavailable", "message": "journal down"}, {"Retry-After": "0"}))
        with self.assertRaises(TradingActorsError) as caught:
            self.client(server, retries=2).update_balance("s1", 1740841200000, 10_000.0)
        self.assertEqual((503, "unavailable"), (caught.exception.status, caught.exception.error))
        self.assertEqual(3, len(server.requests))

    def test_never_retries_a_4xx_and_carries_the_error_fields(self):
        message = "trades[0].pnl: must be a JSON number, got the string 'NaN'"
        server = self.serve(reply(400, {"error": "invalid_input", "message": message}))
        with self.assertRaises(TradingActorsError) as caught:
            self.client(server).record_trades("s1", [{**TRADE, "pnl": "NaN"}])
        error = caught.exception
        self.assertEqual((400, "invalid_input", message), (error.status, error.error, error.message))
        self.assertIn("invalid_input", str(error))
        self.assertEqual(1, len(server.requests))

    def test_sends_the_bearer_token_given_or_from_the_environment(self):
        server = self.serve(reply(200, []))
        self.client(server, token="s3cret").strategies()
        with mock.patch.dict(os.environ, {"TRADING_ACTORS_TOKEN": "from-env"}):
            self.client(server).strategies()
        with mock.patch.dict(os.environ, {}, clear=True):
            self.client(server).strategies()
        auth = [r.headers.get("Authorization") for r in server.requests]
        self.assertEqual(["Bearer s3cret", "Bearer from-env", None], auth)

    def test_read_routes_and_query(self):
        server = self.serve(reply(200, {"risk_events": [{"sequence_nr": 1}]}))
        client = self.client(server)
        self.assertEqual([{"sequence_nr": 1}], client.risk_events("a.b-c_1"))
        client.balances("s1", from_=datetime(2025, 3, 1, tzinfo=timezone(timedelta(hours=1))), to=1740841200000)
        client.halt("s1", "manual check")
        self.assertEqual(["/v1/strategies/a.b-c_1/risk-events",
                          "/v1/strategies/s1/balances?from=2025-02-28T23%3A00%3A00Z&to=1740841200000",
                          "/v1/strategies/s1/halt"], [r.path for r in server.requests])
        self.assertEqual({"reason": "manual check"}, server.requests[2].json())

    def test_ready(self):
        self.assertTrue(self.client(self.serve(reply(200, {"status": "ready"}))).ready())
        down = reply(503, {"status": "unavailable"}, {"Retry-After": "5"})
        self.assertFalse(self.client(self.serve(down)).ready())
        self.assertFalse(TradingActorsClient("http://127.0.0.1:9", timeout=1).ready())

    def test_stream_parses_events_and_reconnects_with_last_event_id(self):
        first = (": connected\n\n"
                 "event: snapshot\ndata: {\"strategy_id\": \"s1\",\ndata:  \"sequence_nr\": 5}\n\n"
                 ":heartbeat\n\n"
                 "event: exposure\r\nid: s1:1\r\ndata:{\"to\": 0.5}\r\n\r\n"
                 "data: plain text\n\n"
                 "event: exposure\nid: s1:2\ndata: {\"to\": 0.25")  # cut mid-event: must be dropped
        second = "retry: 10\nevent: exposure\nid: s1:2\ndata: {\"to\": 0.25}\n\n"
        server = self.serve(sse(first), sse(second), sse(""))
        events = list(self.client(server).stream("s1", max_events=4, max_seconds=10))
        self.assertEqual([StreamEvent("snapshot", None, {"strategy_id": "s1", "sequence_nr": 5}),
                          StreamEvent("exposure", "s1:1", {"to": 0.5}),
                          StreamEvent("message", None, "plain text"),
                          StreamEvent("exposure", "s1:2", {"to": 0.25})], events)
        self.assertEqual("/v1/stream?strategy=s1", server.requests[0].path)
        self.assertEqual("text/event-stream", server.requests[0].headers["Accept"])
        self.assertIsNone(server.requests[0].headers.get("Last-Event-ID"))
        self.assertEqual("s1:1", server.requests[1].headers["Last-Event-ID"])

    def test_stream_starts_from_the_given_id_and_stops_at_its_deadline(self):
        server = self.serve(sse(": nothing yet\n\n"))
        started = time.monotonic()
        events = list(self.client(server, token="t").stream(last_event_id="s1:0", max_seconds=0.5))
        self.assertEqual([], events)
        self.assertLess(time.monotonic() - started, 2)
        self.assertGreaterEqual(len(server.requests), 1)
        self.assertEqual("/v1/stream", server.requests[0].path)
        self.assertEqual("s1:0", server.requests[0].headers["Last-Event-ID"])
        self.assertEqual("Bearer t", server.requests[0].headers["Authorization"])

    def test_stream_without_reconnect_ends_with_the_connection_and_raises_on_4xx(self):
        server = self.serve(sse("data: 1\n\n"), reply(401, {"error": "unauthorized", "message": "bad token"}))
        client = self.client(server)
        self.assertEqual([StreamEvent("message", None, 1)], list(client.stream(reconnect=False)))
        with self.assertRaises(TradingActorsError) as caught:
            list(client.stream())
        self.assertEqual((401, "unauthorized"), (caught.exception.status, caught.exception.error))

    def test_stream_skips_heartbeats_unless_asked_and_yields_resets(self):
        text = ("data: \n\n"
                "event: reset\ndata: {\"reason\": \"older than the server's buffer\"}\n\n"
                "data:\n\n"
                "event: exposure\nid: s1:3\ndata: {\"from\": 0, \"to\": 1, \"limits\": {\"drawdown\": 1}}\n\n")
        server = self.serve(sse(text))
        events = list(self.client(server).stream(reconnect=False))
        self.assertEqual([StreamEvent("reset", None, {"reason": "older than the server's buffer"}),
                          StreamEvent("exposure", "s1:3", {"from": 0.0, "to": 1.0, "limits": {"drawdown": 1.0}})],
                         events)
        self.assertIsInstance(events[1].data["to"], float)
        with_heartbeats = list(self.client(server).stream(reconnect=False, heartbeats=True))
        self.assertEqual([StreamEvent("message", None, "")] * 2, [e for e in with_heartbeats if e.event == "message"])

    def test_a_reset_that_ends_the_stream_reconnects_with_the_last_id(self):
        first = ("event: exposure\nid: s1:4\ndata: {\"to\": 0.5}\n\n"
                 "event: reset\ndata: {\"reason\": \"fell 1024 events behind\"}\n\n")
        server = self.serve(sse(first), sse("event: exposure\nid: s1:5\ndata: {\"to\": 0}\n\n"))
        events = list(self.client(server).stream("s1", max_events=3, max_seconds=10))
        self.assertEqual(["exposure", "reset", "exposure"], [e.event for e in events])
        self.assertEqual("s1:4", server.requests[1].headers["Last-Event-ID"])

    def test_exposures_are_floats_even_when_the_server_writes_1(self):
        body = {"strategy_id": "s1", "exposure": 1, "rule": None,
                "reason": {"message": "m", "limits": {"consecutive_losses": 1, "drawdown": 0.5, "halted": False,
                                                       "win_streak_start": 4}}}
        server = self.serve(reply(200, body))
        exposure = self.client(server).exposure("s1")
        self.assertEqual(1.0, exposure["exposure"])
        self.assertIsInstance(exposure["exposure"], float)
        self.assertIsInstance(exposure["reason"]["limits"]["consecutive_losses"], float)
        self.assertIs(False, exposure["reason"]["limits"]["halted"])
        self.assertIsInstance(exposure["reason"]["limits"]["win_streak_start"], int)

    def test_sse_parser_follows_the_spec(self):
        parser = _SseParser()
        lines = ["id: a", "", "data", "", "event: x", "data:  two spaces", "unknown: field", "id", "", "retry: 250"]
        events = [e for e in map(parser.feed, lines) if e is not None]
        self.assertEqual([StreamEvent("message", None, ""), StreamEvent("x", None, " two spaces")], events)
        self.assertEqual("", parser.last_event_id)  # an empty id resets the last event id: no header next time
        self.assertEqual(250, parser.retry_ms)

    def test_time_conversion(self):
        self.assertEqual("2025-03-01T14:00:00Z", to_api_time(datetime(2025, 3, 1, 14, tzinfo=timezone.utc)))
        paris = timezone(timedelta(hours=1))
        self.assertEqual("2025-03-01T13:00:00.250Z", to_api_time(datetime(2025, 3, 1, 14, 0, 0, 250000, paris)))
        self.assertEqual(1740841200000, to_api_time(1740841200000))
        self.assertEqual("2025-03-01T14:00:00+01:00", to_api_time("2025-03-01T14:00:00+01:00"))
        with self.assertRaises(ValueError):
            to_api_time(datetime(2025, 3, 1, 14))
        with self.assertRaises(TypeError):
            to_api_time(True)
        with self.assertRaises(TypeError):
            to_api_time(1.5)

    def test_balances_accept_pairs_and_dicts(self):
        server = self.serve(reply(201, {"recorded": 2, "duplicates": 0, "sequence_nr": 2}))
        t = datetime(2025, 3, 1, tzinfo=timezone.utc)
        self.client(server).update_balances("s1", [(t, 10_000.0), {"time": 1740787300000, "balance": 10_010.5}])
        self.assertEqual([{"time": "2025-03-01T00:00:00Z", "balance": 10_000.0},
                          {"time": 1740787300000, "balance": 10_010.5}], server.requests[0].json())

    def test_a_non_finite_number_is_refused_before_sending(self):
        server = self.serve(reply(201, {}))
        with self.assertRaises(ValueError):
            self.client(server).record_trade("s1", {**TRADE, "pnl": float("nan")})
        self.assertEqual([], server.requests)


LIVE_URL = os.environ.get("TRADING_ACTORS_URL")


@unittest.skipUnless(LIVE_URL, "TRADING_ACTORS_URL is not set: no node to talk to")
class LiveServerTest(unittest.TestCase):
    """Against a real node (``TRADING_ACTORS_URL``); ``TRADING_ACTORS_HEARTBEAT`` is its heartbeat interval in
    seconds when short enough to wait for."""

    def setUp(self) -> None:
        self.client = TradingActorsClient(LIVE_URL, timeout=5.0, retries=3)
        self.strategy = f"py-{uuid.uuid4().hex[:12]}"

    def test_drive_the_node_as_a_live_engine(self):
        drive_server.drive(self.client, self.strategy)

    def test_an_unknown_last_event_id_gives_a_reset_then_the_stream_goes_on_live(self):
        events = list(self.client.stream(last_event_id="nobody-ever:7", max_events=1, max_seconds=10))
        self.assertEqual(1, len(events), events)
        self.assertEqual("reset", events[0].event)
        self.assertIn("re-read", events[0].data["reason"])

    def test_halt_and_resume_give_float_exposures_and_stream_events(self):
        s = self.strategy
        self.client.record_trades(s, drive_server.trades(datetime(2025, 3, 3, tzinfo=timezone.utc))[:1])
        halted = self.client.halt(s, "maintenance")
        self.assertEqual((0.0, "manual_halt"), (halted["exposure"], halted["rule"]))
        resumed = self.client.resume(s, "done")
        self.assertEqual(1.0, resumed["exposure"])
        self.assertIsInstance(resumed["exposure"], float)
        decisions = self.client.risk_events(s)
        self.assertEqual([(1.0, 0.0), (0.0, 1.0)], [(d["from"], d["to"]) for d in decisions])
        self.assertTrue(all(isinstance(d["from"], float) and isinstance(d["to"], float) for d in decisions))
        replayed = [e for e in self.client.stream(s, last_event_id=f"{s}:0", max_events=3, max_seconds=10)]
        self.assertEqual(["snapshot", "exposure", "exposure"], [e.event for e in replayed])
        self.assertEqual([f"{s}:1", f"{s}:2"], [e.id for e in replayed[1:]])
        self.assertIsInstance(replayed[2].data["to"], float)

    @unittest.skipUnless(float(os.environ.get("TRADING_ACTORS_HEARTBEAT") or "inf") <= 2,
                         "TRADING_ACTORS_HEARTBEAT (the node's heartbeat interval, s) is not short")
    def test_heartbeats_arrive_when_idle_and_are_skipped_by_default(self):
        quiet = list(self.client.stream(self.strategy, max_seconds=1.5))
        self.assertEqual([], quiet)
        beats = list(self.client.stream(self.strategy, heartbeats=True, max_events=2, max_seconds=5))
        self.assertEqual([StreamEvent("message", None, "")] * 2, beats)


if __name__ == "__main__":
    unittest.main()
