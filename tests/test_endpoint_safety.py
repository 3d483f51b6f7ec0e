"""The endpoint probe calls only what the operator allows (lib/endpoint/safety.py).

Addresses are checked before any connection: the URL's host by name or by address, then every address
a name resolves to (a fake resolver stands for DNS, so no test leaves 127.0.0.1). Real endpoints on
127.0.0.1 check what reaches the wire: no redirect followed, no secret sent, the size and time limits.
"""

import contextlib
import http.client
import socket
import threading
import time

import pytest

from lib.endpoint.probe import ProbeSettings, probe
from lib.endpoint.safety import (
    DEFAULT_ALLOWED_HOSTS,
    ENV_ALLOWED_HOSTS,
    SECRETS_KEY,
    ProbeRefused,
    allow_list,
    check_url,
    listens_on_loopback_only,
    parse_entry,
    send,
    server_allow_list,
)
from support.endpoint_servers import ENDPOINT_SDK_KEY, ENDPOINT_SDK_SECRET, python_endpoint

DEFAULT = allow_list({})


def resolver(table):
    """A stand-in for DNS: name -> addresses; unknown names do not resolve."""

    def resolve(host, port):
        if host not in table:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return table[host]

    return resolve


LOCALHOST = resolver({"localhost": ["127.0.0.1", "::1"]})


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:4000",
        "http://localhost",
        "https://localhost:8443/sign?x=1",
        "http://127.0.0.1:4000/",
        "http://127.255.255.254:1/",
        "http://[::1]:4000/",
        "http://[0:0:0:0:0:0:0:1]:4000/",  # ::1 written in full
        "http://[::ffff:127.0.0.1]:4000/",  # IPv4-mapped: reaches 127.0.0.1
        "HTTP://LOCALHOST:4000",
    ],
)
def test_loopback_is_allowed_by_default(url):
    addresses = check_url(url, DEFAULT, LOCALHOST).addresses
    assert addresses == ("127.0.0.1", "::1") if "localhost" in url.lower() else len(addresses) == 1


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://192.168.1.1:4000/",
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        "http://0.0.0.0:4000/",
        "http://128.0.0.1/",  # just above 127.0.0.0/8
        "http://126.255.255.255/",  # just below
        "http://[::2]/",  # just above ::1
        "http://[::]/",
        "http://[fe80::1]/",
        "http://[::ffff:10.0.0.1]/",  # IPv4-mapped private address
        "http://[::ffff:169.254.169.254]/",
        "http://example.com/",  # a name not on the list
        "http://localhost.:4000/",  # the trailing-dot form is another name
        "http://127.1:4000/",  # short and numeric forms are names to the checker: never guessed
        "http://2130706433/",
        "http://0x7f000001/",
        "http://017700000001/",
        "http://%6c%6fcalhost:4000/",
    ],
)
def test_other_hosts_are_refused_by_default(url):
    calls = []

    def resolve(host, port):
        calls.append(host)
        return ["127.0.0.1"]

    with pytest.raises(ProbeRefused) as refused:
        check_url(url, DEFAULT, resolve)
    assert not refused.value.bad_url
    assert "not allowed" in str(refused.value)
    assert calls == [] or url.startswith("http://localhost")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "only http:// and https://"),
        ("gopher://localhost:70/", "only http:// and https://"),
        ("localhost:4000", "only http:// and https://"),
        ("http://user:pw@localhost:4000/", "user name or password"),
        ("http://localhost@10.0.0.1/", "user name or password"),
    ],
)
def test_other_schemes_and_credentials_in_urls_are_refused(url, reason):
    with pytest.raises(ProbeRefused, match=reason):
        check_url(url, DEFAULT, LOCALHOST)


@pytest.mark.parametrize("url", ["", "   ", "http://localhost:99999/", "http://local host/", "http:///path"])
def test_urls_that_are_not_urls_say_so(url):
    with pytest.raises(ProbeRefused) as refused:
        check_url(url, DEFAULT, LOCALHOST)
    assert refused.value.bad_url


def test_ipv6_loopback_forms_are_refused_when_only_ipv4_loopback_is_allowed():
    only_v4 = allow_list({ENV_ALLOWED_HOSTS: "127.0.0.1"})
    assert check_url("http://127.0.0.1:4000", only_v4).addresses == ("127.0.0.1",)
    for url in ("http://[::1]:4000", "http://[0:0:0:0:0:0:0:1]:4000", "http://[::ffff:127.0.0.2]:4000"):
        with pytest.raises(ProbeRefused):
            check_url(url, only_v4, LOCALHOST)
    with pytest.raises(ProbeRefused, match="'localhost'"):  # the name is not on this list
        check_url("http://localhost:4000", only_v4, LOCALHOST)


def test_loopback_is_refused_when_the_operator_lists_other_hosts():
    public_only = allow_list({ENV_ALLOWED_HOSTS: "signing.example.com"})
    dns = resolver({"signing.example.com": ["93.184.216.34"], "localhost": ["127.0.0.1"]})
    assert check_url("https://signing.example.com/sign", public_only, dns).addresses == ("93.184.216.34",)
    for url in ("http://localhost:4000", "http://127.0.0.1:4000", "http://[::1]:4000", "http://[::ffff:127.0.0.1]/"):
        with pytest.raises(ProbeRefused):
            check_url(url, public_only, dns)


@pytest.mark.parametrize(
    "addresses",
    [
        ["127.0.0.1"],  # DNS rebinding to loopback
        ["93.184.216.34", "127.0.0.1"],  # every address is checked, not only the first
        ["::1"],
        ["10.1.2.3"],
        ["169.254.169.254"],
        ["::ffff:127.0.0.1"],
    ],
)
def test_an_allowed_name_may_not_resolve_to_an_address_outside_the_allowed_networks(addresses):
    allowed = allow_list({ENV_ALLOWED_HOSTS: "signing.example.com"})
    with pytest.raises(ProbeRefused, match="resolves to"):
        check_url("http://signing.example.com/", allowed, resolver({"signing.example.com": addresses}))


def test_a_name_may_resolve_inside_a_network_the_operator_allows():
    allowed = allow_list({ENV_ALLOWED_HOSTS: "sign.intranet 10.1.0.0/16"})
    dns = resolver({"sign.intranet": ["10.1.2.3"]})
    assert check_url("http://sign.intranet/", allowed, dns).addresses == ("10.1.2.3",)
    with pytest.raises(ProbeRefused, match="resolves to 10.2.0.1"):
        check_url("http://sign.intranet/", allowed, resolver({"sign.intranet": ["10.2.0.1"]}))


def test_names_that_do_not_resolve_are_refused():
    with pytest.raises(ProbeRefused, match="cannot be resolved"):
        check_url("http://signing.example.com/", allow_list({ENV_ALLOWED_HOSTS: "signing.example.com"}), resolver({}))


def test_an_entry_with_a_port_allows_that_port_only():
    allowed = allow_list({ENV_ALLOWED_HOSTS: "localhost:4000, [::1]:4000, 127.0.0.1:4000"})
    for url in ("http://localhost:4000", "http://[::1]:4000", "http://127.0.0.1:4000/"):
        check_url(url, allowed, LOCALHOST)
    for url in ("http://localhost:3999", "http://localhost:4001", "http://localhost", "http://[::1]:4001"):
        with pytest.raises(ProbeRefused, match="not allowed"):
            check_url(url, allowed, LOCALHOST)


def test_the_allow_list_comes_from_secrets_toml_then_the_environment_then_loopback():
    assert [str(e) for e in DEFAULT.entries] == list(DEFAULT_ALLOWED_HOSTS)
    assert "this machine" in DEFAULT.source
    from_env = allow_list({ENV_ALLOWED_HOSTS: " a.example ,b.example:8443  10.0.0.0/8"})
    assert [str(e) for e in from_env.entries] == ["a.example", "b.example:8443", "10.0.0.0/8"]
    assert ENV_ALLOWED_HOSTS in from_env.source
    from_secrets = allow_list({ENV_ALLOWED_HOSTS: "a.example"}, {SECRETS_KEY: ["c.example", "::1"]})
    assert [str(e) for e in from_secrets.entries] == ["c.example", "::1"]
    assert "secrets.toml" in from_secrets.source
    assert allow_list({ENV_ALLOWED_HOSTS: "  "}).entries == DEFAULT.entries


@pytest.mark.parametrize(
    "entry", ["http://localhost", "local host", "localhost:0", "localhost:65536", "[::1", "300.1.1.1", "a..b", "*"]
)
def test_a_wrong_allow_list_entry_is_an_error_not_a_guess(entry):
    with pytest.raises(ValueError, match="allowed host"):
        parse_entry(entry)


def test_the_connection_goes_to_the_checked_address_with_the_url_host_as_host_header():
    with python_endpoint() as server:
        port = server.server_address[1]
        allowed = allow_list({ENV_ALLOWED_HOSTS: "probe-target.test 127.0.0.0/8"})
        target = check_url(f"http://probe-target.test:{port}/", allowed, resolver({"probe-target.test": ["127.0.0.1"]}))
        answer = send(target, "OPTIONS", {"Origin": "http://app.test"})
    assert answer.status == 204
    assert f"Host: probe-target.test:{port}".encode() in server.received[0]


def test_redirects_are_reported_never_followed():
    with python_endpoint() as elsewhere:
        other_host = f"http://localhost:{elsewhere.server_address[1]}/"  # allowed itself, but another host
        with python_endpoint("redirect", redirect_to=other_host) as server:
            result = probe(server.url, ProbeSettings(DEFAULT))
        assert elsewhere.received == []
    assert result.codes == ["endpoint_redirects"]
    assert other_host in result.findings[0].message
    assert len(server.received) == len(result.cases)


def test_no_secret_and_no_key_reach_the_endpoint():
    with python_endpoint() as server:
        result = probe(server.url, ProbeSettings(DEFAULT, sdk_key=ENDPOINT_SDK_KEY, sdk_secret=ENDPOINT_SDK_SECRET))
    assert len(server.received) == len(result.cases) == 16
    wire = b"".join(server.received)
    assert ENDPOINT_SDK_SECRET.encode() not in wire
    assert ENDPOINT_SDK_KEY.encode() not in wire


@pytest.mark.parametrize(("size", "truncated"), [(999, False), (1000, False), (1001, True)])
def test_the_answer_is_read_up_to_the_size_limit(size, truncated):
    with python_endpoint("too_large", pad_to=size) as server:
        target = check_url(server.url, DEFAULT)
        answer = send(target, "POST", {"Content-Type": "application/json"}, b"{}", max_bytes=1000)
    assert answer.error is None
    assert answer.truncated is truncated
    assert len(answer.body) == min(size, 1000)


def test_a_slow_endpoint_is_cut_at_the_time_limit_and_the_rest_skipped():
    with python_endpoint("slow") as server:
        result = probe(server.url, ProbeSettings(DEFAULT, timeout=0.3))
        assert len(server.received) == 1
    assert result.codes == ["endpoint_timeout"]
    assert "0.3 s" in result.findings[0].message
    assert [r.verdict for r in result.cases] == ["error"] + ["skipped"] * 15


def test_a_closed_port_is_unreachable():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        port = listener.getsockname()[1]
    result = probe(f"http://127.0.0.1:{port}", ProbeSettings(DEFAULT))
    assert result.codes == ["endpoint_unreachable"]
    assert "refused" in result.findings[0].message.lower()


def test_https_to_a_plain_http_endpoint_is_not_http():
    with python_endpoint() as server:
        result = probe(server.url.replace("http://", "https://"), ProbeSettings(DEFAULT))
    assert result.codes == ["endpoint_bad_http"]
    assert "TLS" in result.findings[0].message


def test_a_refused_url_sends_nothing_and_says_why():
    result = probe("http://10.0.0.1:4000/", ProbeSettings(DEFAULT))
    assert result.codes == ["endpoint_not_allowed"]
    assert all(r.answer is None for r in result.cases)
    assert "SIGNATURE_LAB_PROBE_HOSTS" in result.findings[0].fix


def test_every_checked_address_is_tried_in_order():
    with python_endpoint() as server:
        port = server.server_address[1]
        dns = resolver({"localhost": ["::1", "127.0.0.1"]})  # nothing listens on ::1 at that port
        result = probe(f"http://localhost:{port}/", ProbeSettings(DEFAULT, resolver=dns))
    assert result.verdict.startswith("The endpoint passes")


def test_a_url_that_is_not_a_url_is_named_as_such():
    result = probe("http://localhost:99999/", ProbeSettings(DEFAULT))
    assert result.codes == ["endpoint_bad_url"]
    assert "port" in result.findings[0].message


@pytest.mark.parametrize("entry", ["localhost:1", "localhost:65535", "[::1]:65535"])
def test_ports_from_1_to_65535_are_entries(entry):
    assert parse_entry(entry).port in (1, 65535)


@pytest.mark.parametrize(
    ("origin", "header"),
    [("http://localhost:9999", "http://localhost:9999"), ("HTTPS://App.Example:8443/", "https://app.example:8443")],
)
def test_the_origin_header_is_the_web_apps_origin(origin, header):
    with python_endpoint() as server:
        probe(server.url, ProbeSettings(DEFAULT, origin=origin))
    assert all(f"\nOrigin: {header}\n".encode() in request for request in server.received)


@pytest.mark.parametrize(
    "origin",
    [
        "localhost:9999",
        "http://app.example/path",
        "http://a.example\r\nX-Injected: 1",
        "http://u@app.example",
        "ftp://x",
    ],
)
def test_an_origin_that_is_not_one_is_refused_before_any_request(origin):
    with pytest.raises(ValueError, match="origin"):
        probe("http://127.0.0.1:1/", ProbeSettings(DEFAULT, origin=origin))


def test_an_empty_list_in_secrets_toml_switches_the_server_side_probe_off():
    nothing = allow_list({}, {SECRETS_KEY: []})
    assert nothing.describe() == "nothing"
    with pytest.raises(ProbeRefused, match="may only call nothing"):
        check_url("http://127.0.0.1:4000", nothing, LOCALHOST)


# ------------------------------------------------------------- the time, size and name limits, on real sockets


@contextlib.contextmanager
def raw_server(serve):
    """A one-connection-at-a-time TCP server on 127.0.0.1 whose `serve(connection, stop)` writes the answer
    itself (headers at once, then a trickle or an endless body). Yields (url, sent) where sent[0] counts
    the bytes written; `stop` is set on leaving so the writer ends."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop, sent = threading.Event(), [0]

    def accept():
        with contextlib.suppress(OSError):
            while not stop.is_set():
                connection, _ = listener.accept()
                with connection, contextlib.suppress(OSError):
                    connection.recv(65536)  # the request: small, sent at once
                    serve(connection, stop, sent)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/", sent
    finally:
        stop.set()
        listener.close()
        thread.join(10)


HEADERS_NOW = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"


def trickle(connection, stop, sent):
    """Headers at once, then one byte every 100 ms for up to 10 s: each read gets a byte well within the time
    limit, so only a deadline over the whole answer stops it."""
    connection.sendall(HEADERS_NOW)
    for _ in range(100):
        if stop.wait(0.1):
            return
        connection.sendall(b"x")
        sent[0] += 1


def endless(connection, stop, sent):
    """Headers at once, then a body that never ends (until the reader hangs up)."""
    connection.sendall(HEADERS_NOW)
    block = b"y" * 4096
    while not stop.is_set():
        connection.sendall(block)
        sent[0] += len(block)


def test_a_body_trickled_a_byte_at_a_time_is_cut_at_the_time_limit():
    with raw_server(trickle) as (url, _):
        started = time.monotonic()
        answer = send(check_url(url, DEFAULT), "POST", {}, b"{}", timeout=0.6)
        took = time.monotonic() - started
    assert answer.status == 200  # the headers came at once: the time ran out inside the body
    assert answer.error == "timeout"
    assert took < 2.5  # the limit plus a margin for a busy machine, far below the 10 s the server trickles
    assert 0 < len(answer.body) <= 7 and set(answer.body) == {ord("x")}  # what came in 0.6 s, one byte a read


def test_an_endless_body_is_read_up_to_the_size_limit_and_no_further(monkeypatch):
    read = []
    read1 = http.client.HTTPResponse.read1

    def counted_read1(response, size=-1):
        chunk = read1(response, size)
        read.append(len(chunk))
        return chunk

    monkeypatch.setattr(http.client.HTTPResponse, "read1", counted_read1)
    with raw_server(endless) as (url, _):
        answer = send(check_url(url, DEFAULT), "GET", {}, timeout=10, max_bytes=20_000)
    assert answer.error is None and answer.truncated  # stopped by size, long before the time limit
    assert len(answer.body) == 20_000
    assert sum(read) == 20_001  # one byte past the limit shows there is more: nothing else was read


@pytest.mark.parametrize("host", ["evil.localhost", "xlocalhost", "localhost.evil.example", "localhostx"])
def test_an_allowed_name_allows_that_name_only(host, monkeypatch):
    """`localhost` on the list allows localhost, not every name that ends or starts with it: the refusal
    comes before any resolution and no connection is attempted (the resolver would send it to a public
    address, which an allowed name may reach)."""
    resolved, connected = [], []

    def resolve(name, port):
        resolved.append(name)
        return ["93.184.216.34"]

    def connect(address, timeout=None, *args):
        connected.append(address)
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(socket, "create_connection", connect)  # lib.endpoint.safety connects through it
    result = probe(f"http://{host}:4000/", ProbeSettings(DEFAULT, resolver=resolve))
    assert result.codes == ["endpoint_not_allowed"]
    assert resolved == [] and connected == []
    control = probe("http://localhost:4000/", ProbeSettings(DEFAULT, resolver=LOCALHOST))
    assert control.codes == ["endpoint_unreachable"] and connected == [("127.0.0.1", 4000), ("::1", 4000)]


# ------------------------------------------------------------- a server that listens beyond this machine


@pytest.mark.parametrize(
    ("address", "loopback_only"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),  # every IPv4 interface
        ("::", False),
        ("", False),  # unset: Streamlit listens on every interface
        (None, False),
        ("192.168.1.20", False),
        ("10.0.0.5", False),
        ("::ffff:192.168.1.20", False),
        ("my-laptop.local", False),  # a name may resolve to anything
        ("localhost.", False),
        ("evil.localhost", False),
    ],
)
def test_which_server_addresses_are_reachable_from_this_machine_alone(address, loopback_only):
    assert listens_on_loopback_only(address) is loopback_only


@pytest.mark.parametrize("address", ["0.0.0.0", "192.168.1.20", "", None])
def test_beyond_loopback_the_default_list_allows_nothing_and_says_why(address):
    off = server_allow_list({}, None, address)
    assert off.entries == () and off.source.startswith("off: this server listens on")
    assert ("every interface" in off.source) is (not address)
    with pytest.raises(ProbeRefused, match="may only call nothing"):
        check_url("http://127.0.0.1:4000/", off, LOCALHOST)


@pytest.mark.parametrize("address", ["0.0.0.0", None])
def test_beyond_loopback_the_operators_own_list_is_kept(address):
    from_env = server_allow_list({ENV_ALLOWED_HOSTS: "localhost:4000"}, None, address)
    assert [str(entry) for entry in from_env.entries] == ["localhost:4000"]
    assert check_url("http://localhost:4000/", from_env, LOCALHOST).addresses == ("127.0.0.1", "::1")
    from_secrets = server_allow_list({}, {SECRETS_KEY: ["127.0.0.1:4000"]}, address)
    assert [str(entry) for entry in from_secrets.entries] == ["127.0.0.1:4000"]
    assert server_allow_list({}, {SECRETS_KEY: []}, address).entries == ()  # switched off by the operator
    with pytest.raises(ValueError, match="allowed host"):
        server_allow_list({ENV_ALLOWED_HOSTS: "http://localhost"}, None, address)


def test_on_loopback_the_default_list_is_loopback():
    assert server_allow_list({}, None, "127.0.0.1") == DEFAULT


def test_localhost_allowed_by_name_reaches_loopback_on_its_port_only():
    """`localhost:4000` on the operator's list (the README's advice for a training endpoint) allows the
    loopback addresses localhost means, on that port; anything else the name would lead to stays refused."""
    allowed = allow_list({ENV_ALLOWED_HOSTS: "localhost:4000"})
    assert check_url("http://localhost:4000/", allowed, LOCALHOST).addresses == ("127.0.0.1", "::1")
    for url in ("http://localhost:4001/", "http://127.0.0.1:4000/", "http://[::1]:4000/"):
        with pytest.raises(ProbeRefused, match="not allowed"):
            check_url(url, allowed, LOCALHOST)
    for addresses in (["10.0.0.1"], ["127.0.0.1", "192.168.1.1"], ["169.254.169.254"]):
        with pytest.raises(ProbeRefused, match="resolves to"):
            check_url("http://localhost:4000/", allowed, resolver({"localhost": addresses}))
    with pytest.raises(ProbeRefused, match="resolves to"):  # another allowed name may not lead to loopback
        check_url(
            "http://sign.example/",
            allow_list({ENV_ALLOWED_HOSTS: "sign.example"}),
            resolver({"sign.example": ["127.0.0.1"]}),
        )
