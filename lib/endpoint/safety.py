"""Which addresses the server-side probe may call, and the one guarded HTTP request it makes.

Why: the probe makes this server send HTTP requests to a URL that a visitor types. On a shared training
server that would let anyone in the room reach what the server can reach (its own admin ports, the
cloud's metadata address, the office network). So the probe calls only what the operator allows:

- By default loopback only: the name `localhost` and the addresses 127.0.0.0/8 and ::1, which on a
  developer's own machine is where the official sample listens (http://localhost:4000). But on a server
  that listens beyond loopback (Streamlit's server.address 0.0.0.0, a LAN address, or unset, which is
  every interface) loopback is the server itself, reached on behalf of anyone in the room: there the
  default is nothing, and the page offers the browser's own request instead (`server_allow_list`).
- The operator replaces that list with SIGNATURE_LAB_PROBE_HOSTS (hosts separated by commas or spaces) or
  `allowed_hosts` in the [endpoint_probe] table of .streamlit/secrets.toml. An entry is a host name, an
  address or a network (CIDR), optionally with a port (`localhost:4000`, `[::1]:4000`).
- A URL's host must be an allowed name or an address inside an allowed network, written in full (no
  `127.1` or decimal forms). The name is resolved once and every address it resolves to is checked: an
  address inside an allowed network is fine, and a name allowed by name may also lead to public (global)
  addresses, but never to a private, loopback or link-local one outside the allowed networks (DNS
  rebinding); `localhost` allowed by name may lead to loopback, which is what the name means. The
  connection goes to the address that was checked, not to a second resolution.
- Redirects are never followed (http.client does not): a 3xx is reported as it is. Environment proxies
  are not used. The answer is cut at a size limit and the whole exchange at a time limit, and it is
  returned as bytes for the caller to treat as untrusted text.
"""

import http.client
import ipaddress
import re
import socket
import ssl
import time
import urllib.parse
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

ENV_ALLOWED_HOSTS = "SIGNATURE_LAB_PROBE_HOSTS"
SECRETS_TABLE = "endpoint_probe"
SECRETS_KEY = "allowed_hosts"
DEFAULT_ALLOWED_HOSTS = ("localhost", "127.0.0.0/8", "::1")
DEFAULT_SOURCE = "default: this machine only"
DEFAULT_TIMEOUT_SECONDS = 5.0
DEFAULT_MAX_ANSWER_BYTES = 64 * 1024
_READ_CHUNK = 8192
_HOST_NAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$")
_ENTRY_SEPARATORS = re.compile(r"[\s,]+")


class ProbeRefused(Exception):
    """The URL may not be called (`reason` is for the user) or is not a URL (`bad_url`)."""

    def __init__(self, reason: str, *, bad_url: bool = False):
        super().__init__(reason)
        self.bad_url = bad_url


@dataclass(frozen=True)
class AllowedEntry:
    """One allowed host: a lower-case name or an ip_network, and a port (None: any port)."""

    host: str | ipaddress.IPv4Network | ipaddress.IPv6Network
    port: int | None = None

    def __str__(self):
        single = not isinstance(self.host, str) and self.host.num_addresses == 1
        host = str(self.host.network_address if single else self.host)
        if self.port is None:
            return host
        return f"[{host}]:{self.port}" if ":" in host else f"{host}:{self.port}"


@dataclass(frozen=True)
class AllowList:
    entries: tuple
    source: str  # where the list came from, for the page to say

    def allows_name(self, name: str, port: int) -> bool:
        return any(e.host == name and e.port in (None, port) for e in self.entries if isinstance(e.host, str))

    def allows_address(self, address, port: int) -> bool:
        return any(address in e.host and e.port in (None, port) for e in self.entries if not isinstance(e.host, str))

    def describe(self) -> str:
        return ", ".join(str(entry) for entry in self.entries) or "nothing"


def _port(text: str, entry: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise ValueError(f"allowed host {entry!r}: the port must be a number from 1 to 65535.")
    return int(text)


def parse_entry(entry: str) -> AllowedEntry:
    """`localhost`, `api.example.com:8443`, `127.0.0.1`, `10.0.0.0/8`, `::1`, `[::1]:4000`."""
    text = entry.strip().lower()
    port = None
    if text.startswith("["):
        host, bracket, rest = text[1:].partition("]")
        if not bracket or (rest and not rest.startswith(":")):
            raise ValueError(f"allowed host {entry!r}: write an IPv6 address with a port as [::1]:4000.")
        text, port = host, _port(rest[1:], entry) if rest else None
    elif text.count(":") == 1:
        text, port_text = text.split(":")
        port = _port(port_text, entry)
    try:
        return AllowedEntry(ipaddress.ip_network(text, strict=False), port)
    except ValueError:
        pass
    if not _HOST_NAME.match(text) or text.replace(".", "").isdigit():
        raise ValueError(f"allowed host {entry!r} is neither a host name, an address nor a network (CIDR).")
    return AllowedEntry(text, port)


def allow_list(environ: Mapping, secrets_table: Mapping | None = None) -> AllowList:
    """The operator's list ([endpoint_probe] allowed_hosts in secrets.toml wins over the environment), or
    loopback. Raises ValueError naming a wrong entry: a misconfigured list allows nothing rather than guess."""
    configured = (secrets_table or {}).get(SECRETS_KEY)
    source = f"secrets.toml [{SECRETS_TABLE}] {SECRETS_KEY}"
    if configured is None and environ.get(ENV_ALLOWED_HOSTS, "").strip():
        configured, source = environ[ENV_ALLOWED_HOSTS], f"environment ({ENV_ALLOWED_HOSTS})"
    if configured is None:
        return AllowList(tuple(parse_entry(e) for e in DEFAULT_ALLOWED_HOSTS), DEFAULT_SOURCE)
    items = _ENTRY_SEPARATORS.split(configured.strip()) if isinstance(configured, str) else list(configured)
    return AllowList(tuple(parse_entry(str(item)) for item in items if str(item).strip()), source)


def listens_on_loopback_only(server_address) -> bool:
    """Whether a server bound to `server_address` (Streamlit's server.address) is reachable from this machine
    alone. Unset means every interface; a host name other than localhost may mean anything."""
    text = str(server_address or "").strip().lower().removeprefix("[").removesuffix("]")
    if text == "localhost":
        return True
    try:
        return ipaddress.ip_address(text).is_loopback
    except ValueError:
        return False


def server_allow_list(environ: Mapping, secrets_table: Mapping | None, server_address) -> AllowList:
    """allow_list for the app's server: without the operator's own list, a server that listens beyond
    loopback may call nothing (its loopback would be open to the room). Raises ValueError as allow_list."""
    allowed = allow_list(environ, secrets_table)
    if allowed.source != DEFAULT_SOURCE or listens_on_loopback_only(server_address):
        return allowed
    where = f"on {server_address}" if str(server_address or "").strip() else "on every interface (no address set)"
    return AllowList((), f"off: this server listens {where}, and its operator has allowed no hosts")


def _plain_address(address):
    """An IPv4-mapped IPv6 address (::ffff:10.0.0.1) is checked as the IPv4 address it reaches."""
    mapped = getattr(address, "ipv4_mapped", None)
    return mapped or address


def system_resolver(host: str, port: int) -> list[str]:
    return [info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


@dataclass(frozen=True)
class Target:
    """A URL that passed the checks, and the address the connection must go to."""

    url: str
    scheme: str
    host: str  # as written in the URL (lower case, without brackets): the Host header and TLS name
    port: int
    path: str  # path and query, as sent in the request line
    addresses: tuple  # the checked addresses, tried in order (localhost may be ::1 and 127.0.0.1)


def check_url(url: str, allowed: AllowList, resolver: Callable[[str, int], Sequence[str]] = system_resolver):
    """The Target for url, or ProbeRefused saying why it may not be called. Resolves names (once)."""
    if not isinstance(url, str) or not url.strip():
        raise ProbeRefused("no URL given: type your endpoint's address, e.g. http://localhost:4000.", bad_url=True)
    text = url.strip()
    if any(ord(c) < 33 or ord(c) == 127 for c in text):
        raise ProbeRefused("the URL contains spaces or control characters.", bad_url=True)
    parts = urllib.parse.urlsplit(text)
    if parts.scheme not in ("http", "https"):
        raise ProbeRefused(f"only http:// and https:// URLs can be probed, not {parts.scheme or 'a bare host'}.")
    if "@" in parts.netloc:
        raise ProbeRefused("the URL carries a user name or password (user@host): leave credentials out of URLs.")
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        raise ProbeRefused("the URL's port is not a number from 0 to 65535.", bad_url=True) from None
    if not host:
        raise ProbeRefused("the URL has no host: write it as http://localhost:4000.", bad_url=True)
    port = port or (443 if parts.scheme == "https" else 80)
    path = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    not_allowed = f"this server may only call {allowed.describe()} ({allowed.source})"
    if literal is not None:
        if not allowed.allows_address(_plain_address(literal), port):
            raise ProbeRefused(f"{host} port {port} is not allowed: {not_allowed}.")
        return Target(text, parts.scheme, host, port, path, (str(literal),))
    if not allowed.allows_name(host, port):
        raise ProbeRefused(f"the host {host!r} port {port} is not allowed: {not_allowed}.")
    try:
        resolved = [ipaddress.ip_address(a) for a in dict.fromkeys(resolver(host, port))]
    except (OSError, ValueError, UnicodeError):
        raise ProbeRefused(f"the host {host!r} cannot be resolved to an address.") from None
    if not resolved:
        raise ProbeRefused(f"the host {host!r} resolves to no address.")
    for address in resolved:
        plain = _plain_address(address)
        loopback_name = host == "localhost" and plain.is_loopback  # what the name means (RFC 6761)
        if not (allowed.allows_address(plain, port) or plain.is_global or loopback_name):
            raise ProbeRefused(
                f"the host {host!r} resolves to {address}, which is not allowed: a name may lead to public addresses "
                f"or to allowed networks only ({not_allowed})."
            )
    return Target(text, parts.scheme, host, port, path, tuple(map(str, resolved)))


@dataclass(frozen=True)
class Answer:
    """What came back, as untrusted bytes; `error` says why there is no (complete) answer."""

    status: int | None
    headers: tuple  # (lower-case name, value) pairs in order
    body: bytes
    seconds: float
    truncated: bool = False
    error: str | None = None  # "timeout" | "unreachable" | "bad_http"
    error_detail: str = ""

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key == name), None)


def _connect_checked(target: Target, timeout: float) -> socket.socket:
    """A connection to the first checked address that accepts, whatever the name would resolve to now."""
    failure = OSError("no address to connect to")
    for address in target.addresses:
        try:
            return socket.create_connection((address, target.port), timeout)
        except OSError as exc:
            failure = exc
    raise failure


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, target: Target, timeout: float):
        super().__init__(target.host, target.port, timeout=timeout)
        self._target = target

    def connect(self):
        self.sock = _connect_checked(self._target, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """The certificate is still checked against the URL's host name."""

    def __init__(self, target: Target, timeout: float):
        super().__init__(target.host, target.port, timeout=timeout)
        self._target = target

    def connect(self):
        self.sock = self._context.wrap_socket(_connect_checked(self._target, self.timeout), server_hostname=self.host)


def send(
    target: Target,
    method: str,
    headers: Mapping,
    body: bytes | None = None,
    *,
    timeout: float = DEFAULT_TIMEOUT_SECONDS,
    max_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
) -> Answer:
    """One request to the checked address: no redirect followed, no proxy, at most max_bytes of body read
    and `timeout` seconds from connecting to the last byte. Never raises for what the endpoint does."""
    started = time.monotonic()
    deadline = started + timeout
    connection_class = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(target, timeout)
    status, header_pairs, chunks, size, truncated = None, (), [], 0, False

    def remaining():
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        return left

    try:
        connection.request(method, target.path, body=body, headers=dict(headers))
        sock = connection.sock  # kept: getresponse() drops it from the connection when the server closes
        sock.settimeout(remaining())
        response = connection.getresponse()
        status = response.status
        header_pairs = tuple((name.lower(), value) for name, value in response.getheaders())
        while size <= max_bytes:
            sock.settimeout(remaining())
            chunk = response.read1(min(_READ_CHUNK, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        truncated = size > max_bytes
    except TimeoutError:
        return _failed(status, header_pairs, chunks, started, "timeout", f"no complete answer within {timeout:g} s")
    except (http.client.HTTPException, ValueError) as exc:
        detail = f"not a valid HTTP answer ({type(exc).__name__})"
        return _failed(status, header_pairs, chunks, started, "bad_http", detail)
    except ssl.SSLError as exc:
        detail = f"the TLS handshake failed ({exc.reason or type(exc).__name__}): http:// and https:// mixed up?"
        return _failed(status, header_pairs, chunks, started, "bad_http", detail)
    except OSError as exc:
        return _failed(status, header_pairs, chunks, started, "unreachable", exc.strerror or type(exc).__name__)
    finally:
        connection.close()
    body_bytes = b"".join(chunks)[:max_bytes]
    return Answer(status, header_pairs, body_bytes, time.monotonic() - started, truncated)


def _failed(status, headers, chunks, started, error, detail):
    return Answer(status, tuple(headers), b"".join(chunks), time.monotonic() - started, False, error, detail)


def allow_list_note(allowed: AllowList) -> tuple[str, str]:
    """What the page says about the server's allow-list: (Streamlit box name, Markdown)."""
    where = f"`{ENV_ALLOWED_HOSTS}` or `{SECRETS_KEY}` in `[{SECRETS_TABLE}]` of secrets.toml"
    if allowed.entries:
        return (
            "caption",
            f"This server calls only: `{allowed.describe()}` ({allowed.source}). A shared server must not become a "
            f"way into its own network, so other hosts need the operator: {where}. Your browser's own request "
            "(below) reaches what your machine reaches.",
        )
    return (
        "warning",
        f"The server-side probe is off ({allowed.source}): on a shared server it would let anyone here make "
        "this server call its own services. To test a training endpoint from this server, the operator lists "
        f"that endpoint alone: `{ENV_ALLOWED_HOSTS}=localhost:4000` in the server's environment, or "
        f'`{SECRETS_KEY} = ["localhost:4000"]` in `[{SECRETS_TABLE}]` of `.streamlit/secrets.toml`. Meanwhile '
        "run the matrix anyway: this server sends nothing, and your browser can send the main request itself "
        "(it reaches what your machine reaches, your own localhost too).",
    )
