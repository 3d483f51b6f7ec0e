"""Differential test: lib.javascript.forum against the real forum snippet running on Node with crypto-js 4.2.0.

The vectors cover a handful of inputs; this throws hundreds of odd ones (non-Latin-1 keys, lone
surrogates, numbers, null, undefined, objects) at both and demands the same bytes and the same
exceptions. scripts/test.sh installs Node and tests/js's pinned crypto-js.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.javascript.forum import forum_call, forum_signature
from lib.signing.steps import ABSENT, SignatureRequest, default_times
from lib.zoom.facts import CLOCK_SKEW_SECONDS, DEFAULT_LIFETIME_SECONDS

JS_DIR = Path(__file__).resolve().parent / "js"
STEP_FIELDS = ("header_json", "header_b64", "payload_json", "payload_b64", "signing_input", "hmac_hex", "returned")


@pytest.fixture(scope="module")
def node_snippet():
    if shutil.which("node") is None or not (JS_DIR / "node_modules" / "crypto-js").is_dir():
        pytest.fail("needs node and tests/js's crypto-js: run bash scripts/test.sh (or npm ci --prefix tests/js)")
    proc = subprocess.Popen(
        ["node", str(JS_DIR / "forum_snippet.js")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="surrogatepass",
    )

    def run(case):
        proc.stdin.write(json.dumps(case) + "\n")
        proc.stdin.flush()
        return json.loads(proc.stdout.readline())

    yield run
    proc.stdin.close()
    proc.wait(timeout=10)


texts = st.text(st.characters(codec=None, max_codepoint=0x1F64F), max_size=12) | st.sampled_from(
    ["key-😀", "é-Latin1", "\ud83d", "abc\udc00", "85746065432", "1", ""]
)
js_values = st.one_of(
    texts,
    st.integers(-(2**60), 2**60),
    st.sampled_from([0, 1, True, False, None, 1.5, 2**53 + 1]),
    st.lists(st.integers(0, 9), max_size=2),
    st.dictionaries(st.sampled_from(["a", "words"]), st.integers(0, 9), max_size=1),
)
maybe_undefined = st.one_of(st.just(ABSENT), js_values)


@pytest.mark.node
@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    key=maybe_undefined,
    secret=maybe_undefined,
    meeting_number=maybe_undefined,
    role=maybe_undefined,
    now=st.integers(1_600_000_000, 1_900_000_000),
    call=st.sampled_from(["forum", "forum_called_wrong"]),
)
def test_emulation_equals_crypto_js_and_btoa(node_snippet, key, secret, meeting_number, role, now, call):
    iat, exp = default_times(now, DEFAULT_LIFETIME_SECONDS, CLOCK_SKEW_SECONDS)  # the snippet's clock
    request = SignatureRequest(key, secret, meeting_number, role, iat, exp)
    fields = {"key": key, "secret": secret, "meetingNumber": meeting_number, "role": role}
    case = {name: value for name, value in fields.items() if value is not ABSENT}
    js = node_snippet({**case, "iat": iat, "call": call})
    ours = (forum_call if call == "forum_called_wrong" else forum_signature)(request)
    assert {f: getattr(ours, f) for f in STEP_FIELDS if getattr(ours, f) is not None} == {
        f: js[f] for f in STEP_FIELDS if f in js
    }
    assert (ours.error.as_dict() if ours.error else None) == js.get("error")
    assert ours.failed_at == js.get("failed_at")
