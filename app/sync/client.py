"""Talking to the regional hub over HTTP(S): enrolment and push.

Every answer is checked before it is used: a malformed, oversized or hostile answer is
refused with a clear message and changes nothing on the desk.
"""

from __future__ import annotations

import json
import ssl
import time
from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import urlencode, urlparse

import httpx
from pydantic import ValidationError

from core.errors import DeskError
from core.wire import (
    API,
    PROTOCOL,
    ArrivalsRequest,
    ArrivalsResponse,
    ArrivalWire,
    ChangesResponse,
    DeskState,
    EnrolRequest,
    EnrolResponse,
    HubProtocol,
    OutcomesResponse,
    PushRecord,
    PushRequest,
    PushResponse,
    protocol_of,
)

MAX_ANSWER_BYTES = 4 * 2**20
TIMEOUT = httpx.Timeout(20.0, connect=5.0)


class Transient(DeskError):
    """A failure worth trying again later (no network, timeout, hub down, 5xx)."""


class ServerFault(Transient):
    """The hub itself failed on the request (500 and the like, not a proxy's 502, 503 or
    504): it may be down, or one record of a batch may trip it; the push tells which."""


class TlsFailure(Transient):
    """The secure connection failed (a certificate refused, a server speaking no TLS): most
    often a wrong address, sometimes a network that intercepts HTTPS; tried again later."""


class HubBusy(Transient):
    """The hub (or its proxy) answered 503 with ``Retry-After``: it asks to come back in
    ``seconds``. Nothing was stored from the request; the sync tries again then."""

    def __init__(self, seconds: int) -> None:
        super().__init__("hub_busy", seconds=seconds)
        self.seconds = seconds


# A busy hub is waited for, in place, this many times at most, and no longer than this a
# time (a Retry-After past it is cut down to it): the sync goes on where it was.
BUSY_TRIES = 5
BUSY_WAIT_MAX_S = 60


def pause(seconds: float) -> None:
    """The wait a busy hub asked for (on the sync's own thread, never the window's)."""
    time.sleep(seconds)


def retry_after(value: str | None) -> int | None:
    """The seconds of a ``Retry-After`` header (a whole number of seconds; the HTTP date
    form is read as unknown), within 1 and ``BUSY_WAIT_MAX_S``."""
    digits = (value or "").strip()
    # ASCII digits only (« ² » is a digit to str.isdigit, not to int), and few of them.
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 6:
        return None
    return max(1, min(BUSY_WAIT_MAX_S, int(digits)))


def _tls_error(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


# What a proxy or a load balancer answers when the hub behind it is down or slow.
PROXY_STATUSES = frozenset({502, 503, 504})


def check_url(url: str) -> str:
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise DeskError("hub_bad_url", url=url)
    return url.strip().rstrip("/")


class HubClient:
    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        desk_version: str = "0",
        timeout: httpx.Timeout | None = None,
        lang: str = "fr",
        wait: Callable[[float], None] | None = None,
    ) -> None:
        self.base = check_url(base_url)
        self.token = token
        # How the client waits for a busy hub (tests hand in a clock of their own).
        self.wait = wait or pause
        self._options: dict[str, Any] = {
            "timeout": timeout or TIMEOUT,
            "headers": {
                "User-Agent": f"Aiguillage/{desk_version}",
                "Aiguillage-Protocol": str(PROTOCOL),
                # The hub's refusals and reasons read in the agent's language.
                "Accept-Language": "en" if lang == "en" else "fr",
            },
        }
        self._http = httpx.Client(**self._options)
        # What the hub speaks, once :meth:`learn_protocol` read it; this desk's until then.
        self.hub_protocol = protocol_of(PROTOCOL)
        self.speaks = PROTOCOL

    def close(self) -> None:
        self._http.close()

    def _post(self, path: str, body: str) -> dict[str, Any]:
        return self._call("POST", path, body, {"Content-Type": "application/json"})[0]

    def _call(
        self, method: str, path: str, body: str | None, headers: dict[str, str]
    ) -> tuple[dict[str, Any], int, dict[str, str]]:
        """One request; a busy hub's ``Retry-After`` is honoured: waited for, then the same
        request sent again (every request of the API may be: a push stores a record once),
        up to ``BUSY_TRIES`` times before :class:`HubBusy` is raised."""
        for _try in range(BUSY_TRIES - 1):
            try:
                return self._call_once(method, path, body, headers)
            except HubBusy as busy:
                self.wait(busy.seconds)
        return self._call_once(method, path, body, headers)

    def _call_once(
        self, method: str, path: str, body: str | None, headers: dict[str, str]
    ) -> tuple[dict[str, Any], int, dict[str, str]]:
        headers = dict(headers)
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        try:
            with self._http.stream(
                method, f"{self.base}{API}{path}", content=body, headers=headers
            ) as answer:
                raw = b""
                for chunk in answer.iter_bytes():
                    raw += chunk
                    if len(raw) > MAX_ANSWER_BYTES:
                        raise DeskError("hub_bad_answer", reason="réponse trop volumineuse")
                status = answer.status_code
                answer_headers = {k.lower(): v for k, v in answer.headers.items()}
        except httpx.TimeoutException:
            raise Transient("hub_unreachable", url=self.base, reason="délai dépassé") from None
        except httpx.HTTPError as error:
            if _tls_error(error):
                raise TlsFailure("hub_tls", url=self.base) from None
            raise Transient("hub_unreachable", url=self.base, reason=type(error).__name__) from None
        if status >= 500:
            # A server that failed may close the connection after its answer without
            # saying so (uvicorn does): the next request goes on a fresh one.
            self._http.close()
            self._http = httpx.Client(**self._options)
            seconds = retry_after(answer_headers.get("retry-after"))
            if status == 503 and seconds is not None:
                raise HubBusy(seconds)
            fault = Transient if status in PROXY_STATUSES else ServerFault
            raise fault("hub_unavailable", url=self.base, status=status)
        if status == 304:
            return {}, status, answer_headers
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise DeskError("hub_bad_answer", reason=f"pas du JSON (HTTP {status})") from None
        if not isinstance(data, dict):
            raise DeskError("hub_bad_answer", reason="objet JSON attendu")
        if status >= 400:
            code = str(data.get("code", ""))
            if code == "revoked":
                raise DeskError("hub_revoked")
            if code == "too_old":
                raise DeskError("hub_too_old")
            if code == "too_new":
                raise DeskError("hub_too_new")
            if code in ("bad_code", "expired_code", "used_code"):
                raise DeskError(f"hub_{code}")
            if code == "too_many":
                # At enrolment the address tried too many codes and waits a quarter of an
                # hour; elsewhere this desk sent too much in a minute and tries again later.
                if path == "/enrol":
                    raise DeskError("hub_enrol_too_many")
                raise Transient("hub_too_many")
            message = str(data.get("message", ""))[:200] or f"HTTP {status}"
            raise DeskError("hub_refused", status=status, message=message)
        return data, status, answer_headers

    def outcomes(self, since: date, after: str) -> OutcomesResponse:
        """A page of what partners said of this desk's referrals, changed on ``since`` or
        later (after the id ``after`` of that day)."""
        query = urlencode({"since": since.isoformat(), "after": after})
        data, _status, _headers = self._call("GET", f"/outcomes?{query}", None, {})
        try:
            return OutcomesResponse.model_validate(data)
        except ValidationError:
            raise DeskError("hub_bad_answer", reason="suites d’orientation invalides") from None

    def arrivals(self, arrivals: list[ArrivalWire]) -> ArrivalsResponse:
        """What the hub made of what this partner's desk said of the referrals it received."""
        data = self._post("/arrivals", ArrivalsRequest(arrivals=arrivals).model_dump_json())
        try:
            answered = ArrivalsResponse.model_validate(data)
        except ValidationError:
            raise DeskError("hub_bad_answer", reason="réponse aux venues invalide") from None
        if {a.id for a in answered.answers} - {a.id for a in arrivals}:
            raise DeskError("hub_bad_answer", reason="réponse aux venues pour d’autres fiches")
        return answered

    def changes(self, cursor: int, etag: str | None) -> tuple[ChangesResponse, str | None] | None:
        """The next page of changes after ``cursor``; None when the hub has nothing new."""
        headers = {"If-None-Match": etag} if etag else {}
        data, status, answer_headers = self._call("GET", f"/changes?after={cursor}", None, headers)
        if status == 304:
            return None
        try:
            page = ChangesResponse.model_validate(data)
        except ValidationError:
            raise DeskError("hub_bad_answer", reason="page de l’annuaire invalide") from None
        seqs = [c.seq for c in page.changes]
        if seqs != sorted(set(seqs)) or (seqs and page.cursor != seqs[-1]):
            raise DeskError("hub_bad_answer", reason="page de l’annuaire dans le désordre")
        return page, answer_headers.get("etag")

    def learn_protocol(self) -> HubProtocol:
        """Read what the hub speaks (at each sync: it may have been upgraded since); from
        then on this client speaks the lower of the two protocols. A hub older than
        protocol 2 has no such address: it speaks protocol 1."""
        try:
            data = self._call("GET", "/protocol", None, {})[0]
        except DeskError as error:
            if error.key != "hub_refused" or error.params.get("status") != 404:
                raise
            found = protocol_of(1)
        else:
            try:
                found = HubProtocol.model_validate(data)
            except ValidationError:
                raise DeskError("hub_bad_answer", reason="protocole invalide") from None
        if found.min_protocol > PROTOCOL:
            raise DeskError("hub_too_old")
        self.hub_protocol, self.speaks = found, min(PROTOCOL, found.protocol)
        return found

    def enrol(self, code: str, desk_id: str, desk_version: str) -> EnrolResponse:
        request = EnrolRequest(
            code=code.strip(), desk_id=desk_id, desk_version=desk_version, protocol=self.speaks
        )
        data = self._post("/enrol", request.model_dump_json())
        try:
            return EnrolResponse.model_validate(data)
        except ValidationError:
            raise DeskError("hub_bad_answer", reason="réponse d’inscription invalide") from None

    def push(self, records: list[PushRecord], state: DeskState | None = None) -> PushResponse:
        request = PushRequest(protocol=self.speaks, records=records, desk=state)
        data = self._post("/push", request.model_dump_json())
        try:
            answer = PushResponse.model_validate(data)
        except ValidationError:
            raise DeskError("hub_bad_answer", reason="réponse d’envoi invalide") from None
        sent = {(r.kind, r.id, r.version) for r in records}
        got = [(r.kind, r.id, r.version) for r in answer.results]
        if len(got) != len(records) or set(got) != sent:
            raise DeskError("hub_bad_answer", reason="les réponses ne correspondent pas à l’envoi")
        return answer
