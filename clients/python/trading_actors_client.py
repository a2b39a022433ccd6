"""Client of the TradingActors HTTP API for a Python live engine (standard library only, Python 3.8+).

    client = TradingActorsClient("http://127.0.0.1:8080")      # token: argument or $TRADING_ACTORS_TOKEN
    client.record_trade("btc.momentum", {"trade_id": "t-1", ...})
    if client.exposure("btc.momentum")["exposure"] < 1.0: ...  # size the next position down
    for event in client.stream("btc.momentum"):                 # snapshots and exposure changes, live
        if event.event == "reset": ...                          # the server cannot say what was missed: re-read

Every call raises :class:`TradingActorsError` when the server refuses the request (4xx/5xx) or cannot be reached
after the retries.
"""

import datetime as _dt
import http.client
import json
import os
import random
import socket
import time
import urllib.parse
from decimal import Decimal
from email.utils import parsedate_to_datetime
from typing import Any, Dict, Iterable, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

__all__ = ["TradingActorsClient", "TradingActorsError", "StreamEvent", "to_api_time"]

TimeLike = Union[_dt.datetime, str, int]
"""A time as the API takes it: a timezone-aware datetime, an ISO-8601 string with offset, or epoch milliseconds."""

_TRADE_TIME_FIELDS = ("entry_time", "exit_time")


class TradingActorsError(Exception):
    """The server refused a request, or could not be reached.

    ``status`` is the HTTP status (``None`` when no response came back), ``error`` the API's error code
    (``invalid_input``, ``unauthorized``, ``unavailable``, ..., or ``connection`` when unreachable) and ``message``
    the server's explanation, naming the offending field.
    """

    def __init__(self, status: Optional[int], error: str, message: str) -> None:
        super().__init__(f"{status or 'no response'} {error}: {message}")
        self.status = status
        self.error = error
        self.message = message


class StreamEvent(NamedTuple):
    """One Server-Sent Event: ``event`` (``snapshot``, ``exposure``, ``limit``, ``reset``), the ``id`` the event
    carried (or ``None``) and ``data``, the parsed JSON payload (the raw text when it is not JSON)."""

    event: str
    id: Optional[str]
    data: Any


def to_api_time(value: TimeLike) -> Union[str, int]:
    """Converts a time to the API's form: an aware datetime becomes ISO-8601 UTC with ``Z`` (milliseconds kept when
    non-zero), a string or epoch-milliseconds integer passes unchanged. A naive datetime is refused (ValueError):
    its instant is ambiguous."""
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r}: give it a timezone (e.g. tzinfo=timezone.utc)")
        utc = value.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        return utc.isoformat(timespec="milliseconds" if utc.microsecond else "seconds") + "Z"
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise TypeError(f"time must be a datetime, an ISO-8601 string or epoch milliseconds, got {type(value).__name__}")


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, _dt.datetime):
        return to_api_time(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


class TradingActorsClient:
    """Talks to one TradingActors node.

    Retries: every request is retried up to ``retries`` times on connection errors, timeouts and 503 (the journal is
    down and nothing was persisted), waiting the server's ``Retry-After`` (capped at ``max_delay``) or an exponential
    backoff from ``backoff`` seconds with jitter. This is safe for trades because a ``trade_id`` is idempotent: a
    trade that was persisted before the reply got lost is acknowledged again with ``recorded == 0`` (status 200) and
    changes nothing. Balances are idempotent only when the very same ``(time, balance)`` is resent, which is what a
    retry does; a repeated halt or resume only restates the same override. A 4xx (and a 500, a server bug) is never
    retried: it raises :class:`TradingActorsError` at once.

    Thread-safe: the client keeps no connection between calls (each request opens its own).
    """

    def __init__(self, base_url: str = "http://127.0.0.1:8080", token: Optional[str] = None, timeout: float = 10.0,
                 retries: int = 5, backoff: float = 0.2, max_delay: float = 10.0) -> None:
        url = urllib.parse.urlsplit(base_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ValueError(f"base_url must be http(s)://host[:port], got {base_url!r}")
        self._https = url.scheme == "https"
        self._host, self._port = url.hostname, url.port
        self._prefix = url.path.rstrip("/")
        self.base_url = base_url
        self.token = token if token is not None else os.environ.get("TRADING_ACTORS_TOKEN") or None
        self.timeout, self.retries, self.backoff, self.max_delay = timeout, retries, backoff, max_delay

    def __repr__(self) -> str:
        return f"TradingActorsClient({self.base_url!r})"

    # ---- writes -----------------------------------------------------------------------------------------------

    def record_trade(self, strategy_id: str, trade: Mapping[str, Any]) -> Dict[str, Any]:
        """Records one closed trade. Returns ``{"strategy_id", "recorded", "duplicates", "sequence_nr", "status"}``:
        status 201 when recorded, 200 when this ``trade_id`` was already recorded."""
        return self._write(strategy_id, "trades", self._trade(trade))

    def record_trades(self, strategy_id: str, trades: Sequence[Mapping[str, Any]]) -> Dict[str, Any]:
        """Records a non-empty batch of trades, all or nothing; same reply as :meth:`record_trade`."""
        return self._write(strategy_id, "trades", [self._trade(t) for t in trades])

    def update_balance(self, strategy_id: str, time: TimeLike, balance: float) -> Dict[str, Any]:
        """Records the account balance at ``time``; same reply shape as :meth:`record_trade`."""
        return self._write(strategy_id, "balances", {"time": to_api_time(time), "balance": balance})

    def update_balances(self, strategy_id: str,
                        balances: Iterable[Union[Mapping[str, Any], Tuple[TimeLike, float]]]) -> Dict[str, Any]:
        """Records several balances, given as ``{"time", "balance"}`` dicts or ``(time, balance)`` pairs, oldest
        first."""
        body = []
        for b in balances:
            t, v = (b["time"], b["balance"]) if isinstance(b, Mapping) else b
            body.append({"time": to_api_time(t), "balance": v})
        return self._write(strategy_id, "balances", body)

    def halt(self, strategy_id: str, reason: str) -> Dict[str, Any]:
        """Operator override: exposure 0 (rule ``manual_halt``). Returns the exposure body."""
        return _exposures(self._request("POST", self._path(strategy_id, "halt"), {"reason": reason})[1])

    def resume(self, strategy_id: str, reason: str) -> Dict[str, Any]:
        """Lifts a manual halt. Returns the exposure body."""
        return _exposures(self._request("POST", self._path(strategy_id, "resume"), {"reason": reason})[1])

    # ---- reads ------------------------------------------------------------------------------------------------

    def exposure(self, strategy_id: str) -> Dict[str, Any]:
        """``{"exposure": 0.5, "rule": "consecutive_losses", "since", "reason", ...}``: the size multiplier to
        apply to new positions (1 = full, 0 = halted)."""
        return _exposures(self._get(self._path(strategy_id, "exposure")))

    def metrics(self, strategy_id: str) -> Dict[str, Any]:
        """The latest snapshot: ``{"strategy_id", "sequence_nr", "as_of", "metrics", "rolling_7d", ...}``."""
        return self._get(self._path(strategy_id, "metrics"))

    def strategies(self) -> List[Dict[str, Any]]:
        """Every live strategy with its exposure and headline metrics, sorted by id."""
        return [_exposures(s) for s in self._get("/v1/strategies")]

    def risk_events(self, strategy_id: str) -> List[Dict[str, Any]]:
        """The persisted risk decisions (``exposure_changed`` / ``limit_changed``), oldest first."""
        return [_exposures(e) for e in self._get(self._path(strategy_id, "risk-events"))["risk_events"]]

    def balances(self, strategy_id: str, from_: Optional[TimeLike] = None,
                 to: Optional[TimeLike] = None) -> Dict[str, Any]:
        """Balance history, inclusive bounds: ``{"strategy_id", "daily_closes", "recent"}``."""
        query = {k: to_api_time(v) for k, v in (("from", from_), ("to", to)) if v is not None}
        return self._get(self._path(strategy_id, "balances") + ("?" + urllib.parse.urlencode(query) if query else ""))

    def ready(self) -> bool:
        """True when the node and its journal answer (``/health/ready``); never raises, never retries."""
        try:
            return self._send("GET", "/health/ready", None, self.timeout)[0] == 200
        except (OSError, http.client.HTTPException):
            return False

    # ---- stream -----------------------------------------------------------------------------------------------

    def stream(self, strategy_id: Optional[str] = None, last_event_id: Optional[str] = None, *,
               reconnect: bool = True, max_events: Optional[int] = None, max_seconds: Optional[float] = None,
               read_timeout: float = 45.0, heartbeats: bool = False) -> Iterator[StreamEvent]:
        """Follows ``/v1/stream`` (one strategy's events, or all), yielding :class:`StreamEvent`.

        A ``reset`` event (``data["reason"]``) means the server cannot say which events this client missed: the id
        it resumed from is older than the server's buffer (the stream then goes on live), or the connection fell too
        far behind and was closed (the client then reconnects by itself with ``Last-Event-ID``). Either way re-read
        what you follow (:meth:`exposure`, :meth:`metrics`). Heartbeats (an event with empty data, no name, no id)
        are skipped unless ``heartbeats`` is true.

        After a dropped connection (or ``read_timeout`` seconds without a byte; the server sends a heartbeat every
        15 s) it reconnects by itself with ``Last-Event-ID`` set to the last id seen, so the server replays the risk
        events persisted meanwhile; ``last_event_id`` (``"<strategy>:<seq>"``) resumes from a known point at once.
        It stops after ``max_events`` events, after ``max_seconds`` seconds, at the first dropped connection when
        ``reconnect`` is false, or when the caller leaves the loop (use ``contextlib.closing`` to close the
        connection at once when the generator is kept in a variable). A 4xx raises :class:`TradingActorsError`.
        """
        deadline = None if max_seconds is None else time.monotonic() + max_seconds
        path = "/v1/stream" + ("?" + urllib.parse.urlencode({"strategy": strategy_id}) if strategy_id else "")
        parser = _SseParser(last_event_id)
        count = failures = 0
        while True:
            headers = {"Accept": "text/event-stream", "Cache-Control": "no-cache"}
            if parser.last_event_id:
                headers["Last-Event-ID"] = parser.last_event_id
            delay = None  # type: Optional[float]
            conn = self._connection(self._remaining(deadline, self.timeout))
            try:
                conn.request("GET", self._prefix + path, headers=self._headers(headers))
                sock, resp = conn.sock, conn.getresponse()
                if resp.status == 503:
                    delay = _retry_after(resp.getheader("Retry-After"))
                elif resp.status != 200:
                    raise _error(resp.status, resp.read())
                else:
                    parser.reset()
                    while True:
                        sock.settimeout(self._remaining(deadline, read_timeout))
                        try:
                            raw = resp.readline(1 << 20)
                        except socket.timeout:
                            if deadline is not None and time.monotonic() >= deadline:
                                return
                            raise
                        if not raw:
                            break  # the server ended the stream
                        event = parser.feed(raw.decode("utf-8", "replace").rstrip("\r\n"))
                        if event is not None and not heartbeats and _is_heartbeat(event):
                            event = None
                        if event is not None:
                            failures = 0
                            yield event
                            count += 1
                            if max_events is not None and count >= max_events:
                                return
                        if deadline is not None and time.monotonic() >= deadline:
                            return
            except (OSError, http.client.HTTPException):
                pass  # dropped, refused or idle for read_timeout seconds: reconnect
            finally:
                conn.close()
            if not reconnect or (deadline is not None and time.monotonic() >= deadline):
                return
            if delay is None:
                delay = parser.retry_ms / 1000 if parser.retry_ms is not None and failures == 0 else \
                    self._backoff(failures)
            failures += 1
            time.sleep(self._remaining(deadline, min(delay, self.max_delay)))

    # ---- plumbing ---------------------------------------------------------------------------------------------

    @staticmethod
    def _trade(trade: Mapping[str, Any]) -> Dict[str, Any]:
        return {k: to_api_time(v) if k in _TRADE_TIME_FIELDS else v for k, v in trade.items()}

    @staticmethod
    def _path(strategy_id: str, leaf: str) -> str:
        return f"/v1/strategies/{urllib.parse.quote(strategy_id, safe='')}/{leaf}"

    def _write(self, strategy_id: str, leaf: str, body: Any) -> Dict[str, Any]:
        status, reply = self._request("POST", self._path(strategy_id, leaf), body)
        reply["status"] = status
        return reply

    def _get(self, path: str) -> Any:
        return self._request("GET", path, None)[1]

    def _request(self, method: str, path: str, body: Any) -> Tuple[int, Any]:
        data = None if body is None else json.dumps(body, default=_json_default, allow_nan=False).encode()
        attempt = 0
        while True:
            delay = None
            try:
                status, raw, retry_after = self._send(method, path, data, self.timeout)
                if status < 400:
                    return status, json.loads(raw) if raw.strip() else {}
                if status != 503 or attempt >= self.retries:
                    raise _error(status, raw)
                delay = _retry_after(retry_after)
            except (OSError, http.client.HTTPException) as exc:
                if attempt >= self.retries:
                    raise TradingActorsError(None, "connection", f"{method} {path}: {exc!r}") from exc
            time.sleep(min(delay, self.max_delay) if delay is not None else self._backoff(attempt))
            attempt += 1

    def _send(self, method: str, path: str, data: Optional[bytes], timeout: float) -> Tuple[int, bytes, Optional[str]]:
        headers = {"Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        conn = self._connection(timeout)
        try:
            conn.request(method, self._prefix + path, body=data, headers=self._headers(headers))
            resp = conn.getresponse()
            return resp.status, resp.read(), resp.getheader("Retry-After")
        finally:
            conn.close()

    def _connection(self, timeout: float) -> http.client.HTTPConnection:
        cls = http.client.HTTPSConnection if self._https else http.client.HTTPConnection
        return cls(self._host, self._port, timeout=timeout)

    def _headers(self, headers: Dict[str, str]) -> Dict[str, str]:
        headers["User-Agent"] = "trading-actors-python-client/1"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def _backoff(self, attempt: int) -> float:
        """Exponential backoff with "equal jitter": half fixed, half random, capped at ``max_delay``."""
        ceiling = min(self.max_delay, self.backoff * (2 ** attempt))
        return ceiling / 2 + random.uniform(0, ceiling / 2)

    @staticmethod
    def _remaining(deadline: Optional[float], default: float) -> float:
        return default if deadline is None else max(0.001, min(default, deadline - time.monotonic()))


def _error(status: int, raw: bytes) -> TradingActorsError:
    try:
        body = json.loads(raw)
        return TradingActorsError(status, str(body.get("error", "http_error")), str(body.get("message", "")))
    except (ValueError, AttributeError):
        return TradingActorsError(status, "http_error", raw.decode("utf-8", "replace")[:500])


def _retry_after(value: Optional[str]) -> Optional[float]:
    """``Retry-After`` in seconds (delta-seconds or an HTTP date), or None when absent or unreadable."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


_EXPOSURE_FIELDS = ("exposure", "from", "to")
_LIMIT_FIELDS = ("consecutive_losses", "drawdown", "daily_loss")


def _floats(body: Dict[str, Any], keys: Sequence[str]) -> None:
    for key in keys:
        value = body.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            body[key] = float(value)


def _exposures(body: Any) -> Any:
    """Exposures and limits as floats: the server writes a whole number without a fraction (``1``, not ``1.0``),
    which JSON reads as an int. Applied to exposure bodies, risk events and the strategy list (in place)."""
    if isinstance(body, dict):
        _floats(body, _EXPOSURE_FIELDS)
        reason = body.get("reason")
        for limits in (body.get("limits"), reason.get("limits") if isinstance(reason, dict) else None):
            if isinstance(limits, dict):
                _floats(limits, _LIMIT_FIELDS)
    return body


def _is_heartbeat(event: StreamEvent) -> bool:
    return event.event == "message" and event.id is None and event.data == ""


def _json_or_text(data: str) -> Any:
    try:
        return json.loads(data)
    except ValueError:
        return data


class _SseParser:
    """text/event-stream parser (WHATWG HTML, server-sent events), fed one line at a time without its line end.

    A blank line ends an event; an event with no ``data`` line is not dispatched. ``:`` lines are comments (the
    server's heartbeats). ``last_event_id`` follows the spec's last-event-ID buffer (kept across events and
    connections, for the ``Last-Event-ID`` header), while :attr:`StreamEvent.id` is the id the event itself carried.
    """

    def __init__(self, last_event_id: Optional[str] = None) -> None:
        self.last_event_id = last_event_id
        self.retry_ms = None  # type: Optional[int]
        self.reset()

    def reset(self) -> None:
        """Forgets a partly received event (the connection that carried it is gone)."""
        self._event, self._id, self._data = "", None, []  # type: str, Optional[str], List[str]

    def feed(self, line: str) -> Optional[StreamEvent]:
        if not line:
            event, event_id, data = self._event, self._id, self._data
            self.reset()
            if event_id is not None:
                self.last_event_id = event_id
            if not data:
                return None
            name = event or "message"
            payload = _json_or_text("\n".join(data))
            return StreamEvent(name, event_id or None, _exposures(payload) if name in ("exposure", "limit") else payload)
        if line.startswith(":"):
            return None
        field, _, value = line.partition(":")
        value = value[1:] if value.startswith(" ") else value
        if field == "data":
            self._data.append(value)
        elif field == "event":
            self._event = value
        elif field == "id" and "\0" not in value:
            self._id = value
        elif field == "retry" and value.isdigit():
            self.retry_ms = int(value)
        return None
