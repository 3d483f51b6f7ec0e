"""Property tests: `diagnose` never raises and stays fast on anything up to a megabyte.

The time bound is CPU time of this process (`time.process_time`), so other processes on a busy CI
machine do not count; real inputs of 1 MB take about 10-70 ms, the bound is 0.5 s.
"""

import json
import time

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lib.doctor.diagnosis import diagnose
from lib.doctor.findings import Diagnosis
from lib.signing.encoding import base64url_encode, standard_base64_encode
from lib.signing.steps import hmac_sha256
from support.properties import json_values

MEGABYTE = 1_000_000
CPU_SECONDS_BOUND = 0.5
PIECES = ["eyJ", ".", "=", "+", "/", "-", "_", '"', "'", "`", "Bearer ", "{", "}", "[", "\n", " ", "\\", "é", "😀",
          '{"signature":"', '"sdkKey":', "A", "0", "1", "\ufeff", "\ud800"]  # fmt: skip

claim_dicts = st.dictionaries(
    st.sampled_from(["appKey", "sdkKey", "mn", "meetingNumber", "role", "iat", "exp", "tokenExp", "x"]),
    json_values,
)


@st.composite
def tokens(draw):
    """Tokens over random JSON in random encodings, signed or not."""
    encode = draw(st.sampled_from([base64url_encode, standard_base64_encode]))
    header = draw(st.sampled_from([{"alg": "HS256", "typ": "JWT"}, {"alg": "none"}]) | json_values)
    payload = draw(claim_dicts | json_values)
    text = f"{encode(json.dumps(header).encode())}.{encode(json.dumps(payload).encode())}"
    signature = draw(st.sampled_from(["mac", "text", "empty"]))
    if signature == "mac":
        return f"{text}.{encode(hmac_sha256(b'secret-secret-secret-secret-0123', text))}"
    return f"{text}.{draw(st.text(max_size=50)) if signature == 'text' else ''}"


@st.composite
def large_inputs(draw):
    """Up to a megabyte of a repeated piece, so the slow paths (regexes, nesting, scans) get long inputs."""
    unit = draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join))
    size = draw(st.integers(min_value=1, max_value=MEGABYTE))
    text = (unit * (size // len(unit) + 1))[:size]
    return draw(st.sampled_from([text, text + ".x.y", "eyJ" + text, f"{text}.{text}.{text}"[:MEGABYTE]]))


anything = (
    st.text()
    | st.binary()
    | st.lists(st.sampled_from(PIECES)).map("".join)
    | tokens()
    | tokens().map(lambda t: json.dumps({"signature": t}))
    | large_inputs()
)
contexts = st.fixed_dictionaries(
    {},
    optional={
        "secret": st.none() | st.text(max_size=40) | st.integers(),
        "sdk_key": st.none() | st.text(max_size=30) | st.integers(),
        "meeting_number": st.none() | st.text(max_size=20) | st.integers(),
        "now": st.none() | st.integers(min_value=-(2**70), max_value=2**70) | st.floats() | st.text(max_size=3),
        "host": st.booleans(),
    },
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=anything, context=contexts)
@example(text="a" * MEGABYTE + "!", context={"now": float("nan"), "secret": "s"})
@example(text="[" * MEGABYTE, context={"now": float("inf")})
@example(text='{"signature":' * (MEGABYTE // 13), context={})
@example(text="a." * (MEGABYTE // 2), context={"secret": " x "})
def test_diagnose_never_raises_and_stays_fast(text, context):
    started = time.process_time()
    checked = diagnose(text, **context)
    elapsed = time.process_time() - started
    assert isinstance(checked, Diagnosis) and checked.verdict
    assert "diagnosis_failed" not in checked.codes, checked.findings
    json.dumps(checked.as_dict())  # always serializable (the CLI writes it)
    assert elapsed < CPU_SECONDS_BOUND, f"{elapsed:.3f} s of CPU for {len(text)} characters"
