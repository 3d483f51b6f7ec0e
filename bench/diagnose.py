"""Benchmark: our full diagnosis against PyJWT's bare verification, over the same 100 000 tokens.

The tokens are lib.mistakes.samples' realistic mix: three quarters correct, one quarter with a classic mistake
(secret forms that forensics must explain, another app's secret, standard base64, milliseconds, a
missing claim, a MAC only, …), each diagnosed with the secret its developer would paste; one in FAMILY_SHARE
is replaced by a Video SDK or native Meeting SDK token (every family's signer), some with their own mistakes
(role_type as text, a tpc over 200 characters, a user key over 36, no tokenExp). PyJWT runs
`jwt.decode(token, secret, algorithms=["HS256"])` (signature plus its default exp/iat checks) with its
exceptions caught. Both run alternately over the same chunks; each side's best of --repeats runs per
chunk counts (as timeit does), so other processes on a shared machine do not decide the ratio.
Last line: ratio=<ours/pyjwt>.

    python bench/diagnose.py [--tokens N] [--chunk N] [--repeats N]
"""

import argparse
import sys
import time
import warnings
from pathlib import Path

import jwt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib.doctor.diagnosis import diagnose  # noqa: E402
from lib.mistakes.samples import BUGGY_SHARE, MISTAKE_MAKERS, demo_records  # noqa: E402
from lib.signing.steps import ABSENT, SignatureRequest, build_signature_steps  # noqa: E402
from lib.zoom.facts import DEMO_SDK_KEY, DEMO_SDK_SECRET  # noqa: E402
from lib.zoom.families import MEETING_NATIVE, VIDEO  # noqa: E402

FAMILY_SHARE = 5  # one token in 5 is a Video SDK or a native Meeting SDK token
# (family, changes) cycled through: mostly correct tokens, then one mistake of each family's own
FAMILY_TOKENS = (
    (VIDEO, {}),
    (MEETING_NATIVE, {}),
    (VIDEO, {"session_key": "session-0001"}),
    (MEETING_NATIVE, {"token_exp": None}),
    (VIDEO, {"role": "1"}),
    (VIDEO, {"session_name": "t" * 201}),
    (VIDEO, {"user_key": "u" * 37}),
    (MEETING_NATIVE, {"exp": 0}),
)


def family_token(now, index):
    """A Video SDK or native Meeting SDK token from our signer, the index-th of FAMILY_TOKENS' cycle."""
    family, changes = FAMILY_TOKENS[index % len(FAMILY_TOKENS)]
    values = dict(sdk_key=DEMO_SDK_KEY, sdk_secret=DEMO_SDK_SECRET, role=ABSENT, iat=now - index % 60, family=family)
    if family == VIDEO:
        values.update(role=index % 2, session_name="Bench session", user_key=f"user-{index}")
    values.update(changes)
    values["exp"] = values["iat"] + 7200 if values.get("exp", ABSENT) is ABSENT else now - 60
    return build_signature_steps(SignatureRequest(**values)).token


def benchmark_records(count, now):
    """lib.mistakes.samples' mix with one token in FAMILY_SHARE replaced by a Video SDK or native one."""
    records = demo_records(count, now)
    for index in range(2, count, FAMILY_SHARE):
        records[index] = {"token": family_token(now, index), "sdkSecret": DEMO_SDK_SECRET, "sdkKey": DEMO_SDK_KEY}
    return records


def run_ours(records, now):
    started = time.perf_counter()
    with_errors = 0
    for record in records:
        checked = diagnose(record["token"], secret=record["sdkSecret"], sdk_key=record["sdkKey"], now=now)
        with_errors += checked.zoom_error is not None
    return time.perf_counter() - started, with_errors


def run_pyjwt(records):
    started = time.perf_counter()
    rejected = 0
    decode = jwt.decode
    for record in records:
        try:
            decode(record["token"], record["sdkSecret"], algorithms=["HS256"])
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
    records = benchmark_records(args.tokens, now)
    ours_seconds = pyjwt_seconds = 0.0
    rejected = with_errors = 0
    for start in range(0, len(records), args.chunk):
        chunk = records[start : start + args.chunk]
        pyjwt_runs, our_runs = [], []
        for _ in range(args.repeats):
            pyjwt_runs.append(run_pyjwt(chunk))
            our_runs.append(run_ours(chunk, now))
        pyjwt_seconds += min(seconds for seconds, _ in pyjwt_runs)
        ours_seconds += min(seconds for seconds, _ in our_runs)
        rejected += pyjwt_runs[0][1]
        with_errors += our_runs[0][1]
    count = len(records)
    per_token = 1e6 / count
    families = len(range(2, count, FAMILY_SHARE))
    print(
        f"tokens: {count} ({count // BUGGY_SHARE} with one of {len(MISTAKE_MAKERS)} mistakes; {families} Video SDK or "
        "native Meeting SDK tokens), with their secret"
    )
    print(
        f"pyjwt jwt.decode (verify): {pyjwt_seconds:.3f} s, {pyjwt_seconds * per_token:.1f} µs/token, "
        f"{rejected} rejected"
    )
    print(
        f"ours diagnose (full):      {ours_seconds:.3f} s, {ours_seconds * per_token:.1f} µs/token, "
        f"{with_errors} with a Zoom error"
    )
    print(f"ratio={ours_seconds / pyjwt_seconds:.3f}")


if __name__ == "__main__":
    main()
