"""Real signature endpoints on 127.0.0.1 for the endpoint tester's tests: one in Python (http.server in a
thread, signing with PyJWT) and the Node one of tests/js/auth_endpoint.js (express, cors, jsrsasign), both
after the contract of Zoom's official sample, each in a correct version and in deliberately broken ones.

Every endpoint records the raw requests it received, so tests can check what the probe sent (never a
secret) and that a redirect target was never called.
"""

import contextlib
import json
import os
import shutil
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
import pytest

from support.paths import JS_DIR

ENDPOINT_SDK_KEY = "EndpointTestClientId0123"
ENDPOINT_SDK_SECRET = "endpoint-test-secret-Zq9Wx7Vb5Nm3Lk1Jh8Gf6Ds4"  # 46 bytes, not all hex
OTHER_MEETING_NUMBER = "91234567890"  # what the ignores_meeting_number variant always signs
ROLES = (0, 1)
MIN_EXPIRATION, MAX_EXPIRATION, DEFAULT_EXPIRATION = 1800, 172800, 7200

PYTHON_VARIANTS = (
    "correct",
    "no_cors",  # no CORS headers, and OPTIONS is not implemented (501)
    "wrong_origin",  # CORS for another origin only
    "mac_only",  # returns the HMAC alone
    "ignores_role",  # always signs role 0
    "ignores_meeting_number",  # always signs one meeting
    "ignores_expiration",  # always iat + 7200
    "ignores_webrtc_mode",  # never writes video_webrtc_mode
    "cached",  # signs the first valid request, then answers that token to every request
    "role_string_500",  # crashes on a string role
    "leaks_secret",  # puts the secret into the answer
    "html_page",  # the URL points at a web page, not at the endpoint
    "accepts_invalid",  # no validation: signs whatever comes
    "slow",  # answers only when the test releases it (after the probe gave up)
    "redirect",  # 307 to another host
    "too_large",  # answers pad_to bytes (by default past the probe's size limit)
    "stale_iat",  # signs with a clock ten minutes late
    "number_only",  # refuses a meetingNumber sent as a string (the Web SDK sample sends one)
    "no_signature",  # answers {token} instead of {signature}
    "slow_preflight",  # the OPTIONS preflight never answers in time
    "role_as_text",  # signs role as the string "0" / "1" (str(role)): role_not_number on every token
)
NODE_VARIANTS = (
    "correct",
    "no_cors",
    "mac_only",
    "ignores_role",
    "cached",
    "role_string_500",
    "leaks_secret",
    "html_error",
    "role_as_text",
    "backdated_iat",
)
NODE_BACKDATE_SECONDS = 300  # tests/js/auth_endpoint.js's BACKDATE_SECONDS


def parse_int(value):
    """JavaScript's parseInt for the values the sample coerces: leading digits of a string, else NaN (None)."""
    if not isinstance(value, str):
        return value
    digits = value.strip()
    sign = "-" if digits.startswith("-") else ""
    digits = digits.lstrip("+-")
    prefix = digits[: len(digits) - len(digits.lstrip("0123456789"))]
    return int(sign + prefix) if prefix else None


def validation_errors(body):
    """The sample's src/validations.js: role and videoWebRtcMode 0 or 1, expirationSeconds in range,
    meetingNumber and role both or neither."""
    errors = []
    for name in ("role", "videoWebRtcMode"):
        if name in body and body[name] not in ROLES:
            errors.append({"property": name, "reason": "must be one of 0,1"})
    expiration = body.get("expirationSeconds")
    if expiration is not None and not (type(expiration) is int and MIN_EXPIRATION <= expiration <= MAX_EXPIRATION):
        errors.append({"property": "expirationSeconds", "reason": "must be between 1800 and 172800"})
    if ("meetingNumber" in body) != ("role" in body):
        errors.append({"property": "meetingNumber, role", "reason": "required together"})
    return errors


class EndpointHandler(BaseHTTPRequestHandler):
    server_version = "TestEndpoint/1"

    def log_message(self, *args):  # quiet
        pass

    def _record(self, body=b""):
        self.server.received.append(self.requestline.encode() + b"\r\n" + bytes(self.headers) + body)

    def _answer(self, status, payload, content_type="application/json", extra=()):
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        cors = {"no_cors": None, "wrong_origin": "https://other-app.example"}.get(self.server.variant, "*")
        if cors:
            self.send_header("Access-Control-Allow-Origin", cors)
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        with contextlib.suppress(ConnectionError):  # the probe stops reading past its size limit
            self.wfile.write(data)

    def do_OPTIONS(self):
        self._record()
        if self.server.variant == "slow_preflight":
            self.server.release.wait(60)
        if self.server.variant == "no_cors":
            return self.send_error(501)
        if self.server.variant == "redirect":
            return self._answer(307, {}, extra=[("Location", self.server.redirect_to)])
        allowed = [("Access-Control-Allow-Methods", "GET,HEAD,PUT,PATCH,POST,DELETE")]
        requested = self.headers.get("Access-Control-Request-Headers")
        self._answer(204, b"", extra=allowed + ([("Access-Control-Allow-Headers", requested)] if requested else []))

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._record(body)
        server, variant = self.server, self.server.variant
        if variant == "slow":
            server.release.wait(60)
        if variant == "redirect":
            return self._answer(307, {}, extra=[("Location", server.redirect_to)])
        if variant == "html_page":
            page = b"<!doctype html><html><body><div id=root></div><script>alert('x')</script></body></html>"
            return self._answer(200, page, "text/html; charset=utf-8")
        try:
            request = json.loads(body)
        except ValueError:
            return self._answer(400, {"errors": [{"property": "body", "reason": "not JSON"}]})
        if variant == "number_only" and isinstance(request.get("meetingNumber"), str):
            return self._answer(400, {"errors": [{"property": "meetingNumber", "reason": "must be a number"}]})
        if variant == "role_string_500" and isinstance(request.get("role"), str):
            return self._answer(500, {"message": "TypeError: role.toFixed is not a function"})
        if variant != "accepts_invalid":
            request = {**request, **{k: parse_int(v) for k, v in request.items() if k in self.COERCED}}
            errors = validation_errors(request)
            if errors:
                return self._answer(400, {"errors": errors})
        with server.lock:
            if variant == "cached" and server.cached:
                return self._answer(200, {"signature": server.cached, "sdkKey": server.sdk_key})
            token = self.sign(request)
            server.cached = server.cached or token
        answer = {"token" if variant == "no_signature" else "signature": token, "sdkKey": server.sdk_key}
        if variant == "leaks_secret":
            answer["clientSecret"] = server.sdk_secret
        if variant == "too_large":  # exactly pad_to bytes of JSON
            return self._answer(200, b'{"signature":"' + b"x" * (server.pad_to - 16) + b'"}')
        self._answer(200, answer)

    COERCED = ("role", "expirationSeconds", "videoWebRtcMode")

    def sign(self, request):
        server, variant = self.server, self.server.variant
        iat = int(time.time()) - (600 if variant == "stale_iat" else 0)
        lifetime = request.get("expirationSeconds") or DEFAULT_EXPIRATION
        exp = iat + (DEFAULT_EXPIRATION if variant == "ignores_expiration" else lifetime)
        role = {"ignores_role": 0, "role_as_text": str(request.get("role"))}.get(variant, request.get("role"))
        payload = {
            "appKey": server.sdk_key,
            "sdkKey": server.sdk_key,
            "mn": OTHER_MEETING_NUMBER if variant == "ignores_meeting_number" else request.get("meetingNumber"),
            "role": role,
            "iat": iat,
            "exp": exp,
            "tokenExp": exp,
            "video_webrtc_mode": None if variant == "ignores_webrtc_mode" else request.get("videoWebRtcMode"),
        }
        payload = {name: value for name, value in payload.items() if value is not None}  # as JSON.stringify
        token = jwt.encode(payload, server.sdk_secret, algorithm="HS256")
        return token.rsplit(".", 1)[1] if variant == "mac_only" else token


VIDEO_PYTHON_VARIANTS = (
    "correct",
    "meeting_token",  # signs a Meeting SDK token (appKey, mn, role) for a Video SDK request
    "role_type_text",  # coerces nothing: role "1" passes its check as text and is signed as text
    "fixed_role",  # signs role_type 0 whatever the request asks for
    "session_name_lower_case",  # signs the session name in lower case: the Video SDK compares ignoring case
)


class VideoEndpointHandler(EndpointHandler):
    """zoom/videosdk-auth-endpoint-sample's contract in Python: {sessionName, role, ...} -> {signature}."""

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._record(body)
        try:
            request = json.loads(body)
        except ValueError:
            return self._answer(400, {"errors": [{"property": "body", "reason": "not JSON"}]})
        text_role = self.server.variant == "role_type_text"
        if not text_role:
            request = {**request, **{k: parse_int(v) for k, v in request.items() if k in self.COERCED}}
        errors = video_validation_errors(request, text_role=text_role)
        if errors:
            return self._answer(400, {"errors": errors})
        self._answer(200, {"signature": self.sign(request)})

    def sign(self, request):
        server = self.server
        iat = int(time.time())
        exp = iat + (request.get("expirationSeconds") or DEFAULT_EXPIRATION)
        if server.variant == "meeting_token":
            payload = {"appKey": server.sdk_key, "mn": "85746065432", "role": request["role"], "iat": iat, "exp": exp}
        else:
            role = 0 if server.variant == "fixed_role" else request["role"]
            name = request["sessionName"]
            name = name.lower() if server.variant == "session_name_lower_case" else name
            payload = {"app_key": server.sdk_key, "role_type": role, "tpc": name}
            payload |= {"version": 1, "iat": iat, "exp": exp, "user_identity": request.get("userIdentity")}
            payload |= {"session_key": request.get("sessionKey")}
        payload = {name: value for name, value in payload.items() if value is not None}  # as JSON.stringify
        return jwt.encode(payload, server.sdk_secret, algorithm="HS256")


def video_validation_errors(body, *, text_role=False):
    """The Video SDK sample's validator: role required, 0 or 1; sessionName required, at most 200 characters;
    expirationSeconds in range; userIdentity at most 35 and sessionKey at most 36 characters."""
    errors = []
    roles = (*ROLES, *map(str, ROLES)) if text_role else ROLES
    if body.get("role") not in roles:
        errors.append({"property": "role", "reason": "required, one of 0,1"})
    name = body.get("sessionName")
    if not isinstance(name, str) or len(name) > 200:
        errors.append({"property": "sessionName", "reason": "required, at most 200 characters"})
    expiration = body.get("expirationSeconds")
    if expiration is not None and not (type(expiration) is int and MIN_EXPIRATION <= expiration <= MAX_EXPIRATION):
        errors.append({"property": "expirationSeconds", "reason": "must be between 1800 and 172800"})
    for field, limit in (("userIdentity", 35), ("sessionKey", 36)):
        if field in body and not (isinstance(body[field], str) and len(body[field]) <= limit):
            errors.append({"property": field, "reason": f"at most {limit} characters"})
    return errors


@contextlib.contextmanager
def python_endpoint(variant="correct", *, redirect_to="http://localhost:9/", pad_to=70000):
    """An endpoint on 127.0.0.1 at a free port; yields the server (url, received, release)."""
    assert variant in PYTHON_VARIANTS, variant
    server = ThreadingHTTPServer(("127.0.0.1", 0), EndpointHandler)
    yield from _serve(server, variant, redirect_to, pad_to)


@contextlib.contextmanager
def python_video_endpoint(variant="correct"):
    """A Video SDK endpoint after zoom/videosdk-auth-endpoint-sample on 127.0.0.1 at a free port."""
    assert variant in VIDEO_PYTHON_VARIANTS, variant
    yield from _serve(ThreadingHTTPServer(("127.0.0.1", 0), VideoEndpointHandler), variant, "http://localhost:9/", 0)


def _serve(server, variant, redirect_to, pad_to):
    server.daemon_threads = True
    server.variant, server.redirect_to, server.pad_to = variant, redirect_to, pad_to
    server.sdk_key, server.sdk_secret = ENDPOINT_SDK_KEY, ENDPOINT_SDK_SECRET
    server.received, server.lock, server.cached, server.release = [], threading.Lock(), None, threading.Event()
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.release.set()
        server.shutdown()
        server.server_close()
        thread.join(10)


def require_node():
    """Skip (fail in CI) without node or tests/js's packages."""
    if shutil.which("node") is None or not (JS_DIR / "node_modules" / "express").is_dir():
        reason = "needs node and `npm ci --prefix tests/js` (.ci/run does both)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


VIDEO_NODE_VARIANTS = ("correct", "fixed_session", "no_validation")


@contextlib.contextmanager
def node_endpoint(variant="correct", script="auth_endpoint.js"):
    """tests/js/auth_endpoint.js (or videosdk_endpoint.js) on 127.0.0.1 at a free port; yields its URL once it
    listens."""
    require_node()
    env = {
        **os.environ,
        "PORT": "0",
        "VARIANT": variant,
        "ZOOM_MEETING_SDK_KEY": ENDPOINT_SDK_KEY,
        "ZOOM_MEETING_SDK_SECRET": ENDPOINT_SDK_SECRET,
        "ZOOM_VIDEO_SDK_KEY": ENDPOINT_SDK_KEY,
        "ZOOM_VIDEO_SDK_SECRET": ENDPOINT_SDK_SECRET,
    }
    process = subprocess.Popen(
        ["node", str(JS_DIR / script)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # express logs the stack of each broken JSON body the probe sends
        text=True,
        cwd=JS_DIR,
    )
    try:
        first_line = process.stdout.readline()  # printed once it listens: an event, not a fixed wait
        assert first_line, f"node {script} exited with {process.wait(10)}"
        yield f"http://127.0.0.1:{json.loads(first_line)['port']}"
    finally:
        process.terminate()
        process.wait(10)
