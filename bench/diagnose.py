"""Benchmark: our full diagnosis against PyJWT's bare verification, over the same 100 000 tokens.

The tokens are a realistic mix: three quarters correct, one quarter with a classic mistake (wrong
secret forms that forensics must explain, standard base64, milliseconds, a missing claim, …), all
diagnosed with their secret. PyJWT runs `jwt.decode(token, secret, algorithms=["HS256"])` (signature
plus its default exp/iat checks) and its exceptions are caught. Last line: ratio=<ours/pyjwt>.

    python bench/diagnose.py [--tokens N]
"""

import argparse
import base64
import sys
import time
import warnings
from pathlib import Path

import jwt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.diagnosis import diagnose  # noqa: E402
from lib.encoding import jsrsasign_key_bytes, standard_base64_encode  # noqa: E402
from lib.facts import HEADER  # noqa: E402
from lib.jsjson import json_stringify  # noqa: E402
from lib.signing import SignatureRequest, build_signature_steps, hmac_sha256  # noqa: E402

KEY = "abcDEF123ghiJKL456mnoP"
SECRET = "Xy9SecretSecretSecretSecret12345-bench"


def _request(now, index, **changes):
    values = dict(
        sdk_key=KEY, sdk_secret=SECRET, meeting_number=85746065432 + index, role=index % 2, iat=now, exp=now + 7200
    )
    return SignatureRequest(**{**values, **changes})


def _btoa_token(now, index):
    """The forum snippet's token: btoa segments, CryptoJS Base64 MAC, meetingNumber claim, no tokenExp."""
    payload = {"appKey": KEY, "sdkKey": KEY, "meetingNumber": 85746065432 + index, "role": 0, "iat": now}
    payload["exp"] = now + 7200
    header, body = (standard_base64_encode(json_stringify(part).encode()) for part in (HEADER, payload))
    signing_input = f"{header}.{body}"
    return f"{signing_input}.{standard_base64_encode(hmac_sha256(SECRET.encode(), signing_input))}"


def _signed(request, secret_to_key=None):
    if secret_to_key is None:
        return build_signature_steps(request).token
    return build_signature_steps(request, secret_to_key).token


HEX_SECRET = "ab" * 16  # all-hex: jsrsasign (the official sample) keys it as 16 hex bytes

# One maker per buggy kind; the correct kind makes up the rest. Each token is checked with SECRET,
# except the hex kind, checked with the secret its developer has (forensics must name the quirk).
BUGGY = (
    lambda now, i: _signed(_request(now, i, sdk_secret=SECRET + "\n")),  # secret_whitespace (forensics)
    lambda now, i: _signed(_request(now, i, sdk_secret=KEY)),  # signed_with_key (forensics)
    lambda now, i: _signed(_request(now, i, sdk_secret="an-entirely-different-secret-0123456")),  # no explanation
    lambda now, i: _signed(_request(now, i, iat=now * 1000, exp=(now + 7200) * 1000)),  # milliseconds
    lambda now, i: _signed(_request(now, i, iat=now - 9000, exp=now - 1800)),  # expired
    lambda now, i: _signed(_request(now, i, meeting_number="857 4606 5432")),  # mn with spaces
    lambda now, i: _signed(_request(now, i, role="1")),  # string role
    lambda now, i: _signed(_request(now, i, token_exp=None)),  # no tokenExp
    _btoa_token,  # forum snippet without the MAC-only return
    lambda now, i: base64.b64encode(hmac_sha256(SECRET.encode(), str(i))).decode(),  # MAC only
    lambda now, i: _signed(_request(now, i, exp=now + 600)),  # lifetime too short
    lambda now, i: _signed(_request(now, i, sdk_secret=HEX_SECRET), jsrsasign_key_bytes),  # hex secret (forensics)
)
BUGGY_SHARE = 4  # one token in four is buggy


def make_tokens(count, now):
    """(token, secret to check it with) pairs."""
    tokens = []
    for index in range(count):
        if index % BUGGY_SHARE:
            tokens.append((_signed(_request(now, index)), SECRET))
            continue
        maker = BUGGY[(index // BUGGY_SHARE) % len(BUGGY)]
        tokens.append((maker(now, index), HEX_SECRET if maker is BUGGY[-1] else SECRET))
    return tokens


def run_ours(tokens, now):
    started = time.perf_counter()
    errors = 0
    for token, secret in tokens:
        errors += diagnose(token, secret=secret, sdk_key=KEY, now=now).zoom_error is not None
    return time.perf_counter() - started, errors


def run_pyjwt(tokens):
    started = time.perf_counter()
    rejected = 0
    decode = jwt.decode
    for token, secret in tokens:
        try:
            decode(token, secret, algorithms=["HS256"])
        except jwt.PyJWTError:
            rejected += 1
    return time.perf_counter() - started, rejected


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tokens", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=2_000, help="tokens per alternating round")
    parser.add_argument("--repeats", type=int, default=3, help="runs per chunk and side; the fastest counts")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # PyJWT warns about the short hex test secret
    now = int(time.time())
    tokens = make_tokens(args.tokens, now)
    # Alternate the two over the same small chunks and keep each side's best of REPEATS per chunk (as
    # timeit does), so load from other processes on a shared machine does not decide the ratio.
    ours_seconds = pyjwt_seconds = 0.0
    rejected = with_errors = 0
    for start in range(0, len(tokens), args.chunk):
        chunk = tokens[start : start + args.chunk]
        pyjwt_runs, our_runs = [], []
        for _ in range(args.repeats):
            pyjwt_runs.append(run_pyjwt(chunk))
            our_runs.append(run_ours(chunk, now))
        pyjwt_seconds += min(seconds for seconds, _ in pyjwt_runs)
        ours_seconds += min(seconds for seconds, _ in our_runs)
        rejected += pyjwt_runs[0][1]
        with_errors += our_runs[0][1]
    count = len(tokens)
    print(f"tokens: {count} ({count // BUGGY_SHARE} buggy of {len(BUGGY)} kinds), all checked with their secret")
    print(
        f"pyjwt jwt.decode (verify): {pyjwt_seconds:.3f} s, {pyjwt_seconds / count * 1e6:.1f} µs/token, "
        f"{rejected} rejected"
    )
    print(
        f"ours diagnose (full):      {ours_seconds:.3f} s, {ours_seconds / count * 1e6:.1f} µs/token, "
        f"{with_errors} with a Zoom error"
    )
    print(f"ratio={ours_seconds / pyjwt_seconds:.3f}")


if __name__ == "__main__":
    main()
