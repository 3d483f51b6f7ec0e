"""`python -m lib`: the command-line face of the library. JSON Lines in, JSON Lines out.

Secrets are read from the input file or standard input, never from the command line, and are
never written to the output.
"""

import argparse
import json
import sys
import time

from lib.batch import BadRecord, item_from_record
from lib.encoding import jsrsasign_key_bytes, utf8_bytes
from lib.facts import DEFAULT_LIFETIME_SECONDS
from lib.inputs import check_request
from lib.signing import ABSENT, SignatureRequest, build_signature_steps
from lib.token_compare import compare_tokens

SIGN_HELP = """\
Sign Meeting SDK signatures, one JSON object per input line (JSON Lines).

Input fields (JSON types are kept as given: a string "1" role stays a string; a missing field is
left out of the payload):
  sdkKey           SDK key / Client ID            -> claims appKey and sdkKey
  sdkSecret        SDK secret / Client Secret     (required; never echoed)
  meetingNumber    meeting number                 -> claim mn
  role             0 participant/attendee, 1 host -> claim role
  iat              issued-at, epoch seconds       (absent: now)
  exp              expiry, epoch seconds          (absent: iat + 7200)
  tokenExp         absent: equal to exp; null: no tokenExp claim
  videoWebRtcMode  0 or 1                         -> claim video_webrtc_mode
  variant          "correct" (default): UTF-8 key bytes, as PyJWT and npm jsonwebtoken
                   "official": Zoom's sample exactly (jsrsasign keys an even-length all-hex
                   secret as hex bytes, others by the low byte of each UTF-16 unit)
  id               optional, echoed back

Output, one object per input line, in input order:
  header_json, payload_json, header_b64, payload_b64, signing_input, hmac_hex, signature, token,
  returned (what the signing function hands back), warnings (input-rule findings: the command
  signs what it is given so that wrong inputs can be demonstrated)
or, for a line that cannot be signed:
  {"error": {"name": ..., "message": ...}, "step": ...}
The exit status is 1 if any line failed, 0 otherwise.

Example:
  echo '{"sdkKey":"abc","sdkSecret":"...","meetingNumber":85746065432,"role":0}' | python -m lib sign --input -
"""

DIAGNOSE_HELP = """\
Diagnose Meeting SDK signatures, one JSON object per input line (JSON Lines).

Input fields:
  token          the signature as you have it (quotes, Bearer, JSON wrapper and line breaks are removed)
  sdkSecret      optional: verifies the signature and lets forensics name the signing mistake (never echoed)
  sdkKey         optional: the SDK key / Client ID the token should carry
  meetingNumber  optional: the meeting you will join (compared with mn)
  now            optional: the clock for this line, epoch seconds (default: --now or the real clock)
  id             optional, echoed back

Output, one object per input line, in input order:
  findings (code, severity, step, message, fix, evidence, bug_id), verdict, zoom_error
or, for a line that cannot be read: {"error": {"name": ..., "message": ...}, "step": ...}
The exit status is 1 if any line could not be read, 0 otherwise (whatever the findings).

Example:
  echo '{"token":"eyJhbGciOi..."}' | python -m lib diagnose --input -
"""

COMPARE_HELP = """\
Compare two Meeting SDK signatures, one pair per input line (JSON Lines).

Input fields:
  a, b                   the two tokens
  sdkSecret              optional: verifies both tokens (sdkSecretA / sdkSecretB: one each)
  sdkKey, meetingNumber  optional context, as for diagnose
  now                    optional clock, epoch seconds
  id                     optional, echoed back

Output, one object per input line: identical, claims (claim, a, b, same, explanation), segments
(segment, a, b, same, explanation), and for a and b: verdict, zoom_error, verified, codes.

Example:
  echo '{"a":"eyJ...","b":"eyJ..."}' | python -m lib compare --input -
"""
COMPARE_CONTEXT = ("sdkKey", "meetingNumber", "now")

REQUEST_FIELDS = {
    "sdkKey": "sdk_key",
    "sdkSecret": "sdk_secret",
    "meetingNumber": "meeting_number",
    "role": "role",
    "iat": "iat",
    "exp": "exp",
    "tokenExp": "token_exp",
    "videoWebRtcMode": "video_webrtc_mode",
}
OUTPUT_FIELDS = (
    "header_json",
    "payload_json",
    "header_b64",
    "payload_b64",
    "signing_input",
    "hmac_hex",
    "signature",
    "token",
    "returned",
)


# The public vectors' name for npm jsonwebtoken, which keys the HMAC with UTF-8 as we do.
VARIANT_ALIASES = {"jsonwebtoken_keep_iat": "correct"}
# How each correct-token variant turns the secret into HMAC key bytes.
SECRET_TO_KEY = {"correct": utf8_bytes, "official": jsrsasign_key_bytes}


class LineError(Exception):
    """A line that cannot be signed: `step` says where, the message says what to fix."""

    def __init__(self, step, message, name="InputError"):
        super().__init__(message)
        self.step, self.name = step, name


def request_from_record(record: dict, now: int) -> SignatureRequest:
    """Map a JSON input object to a request, filling iat/exp as the official sample does."""
    if "sdkSecret" not in record:
        raise LineError("input", "sdkSecret is missing: every line needs the SDK secret to sign with.")
    values = {attr: record.get(name, ABSENT) for name, attr in REQUEST_FIELDS.items()}
    if values["iat"] is ABSENT:
        values["iat"] = now
    if values["exp"] is ABSENT:
        base = values["iat"] if isinstance(values["iat"], int) and not isinstance(values["iat"], bool) else now
        values["exp"] = base + DEFAULT_LIFETIME_SECONDS
    return SignatureRequest(**values)


def sign_record(record, now: int) -> dict:
    """Sign one parsed input line; problems become an error object, never an exception."""
    if not isinstance(record, dict):
        raise LineError("parse", 'each line must be a JSON object such as {"sdkKey": ..., "sdkSecret": ...}.')
    variant = record.get("variant", "correct")
    if isinstance(variant, str):
        variant = VARIANT_ALIASES.get(variant, variant)
    request = request_from_record(record, now)
    if not isinstance(variant, str) or variant not in SECRET_TO_KEY:
        raise LineError("variant", f"unknown variant {variant!r}; use one of: {', '.join(SECRET_TO_KEY)}.")
    if not isinstance(request.sdk_secret, str):
        raise LineError("input", f"sdkSecret must be a JSON string, not {type(request.sdk_secret).__name__}.")
    try:
        steps = build_signature_steps(request, SECRET_TO_KEY[variant])
    except ValueError as exc:  # e.g. an unpaired surrogate: the message names the position, not the value
        raise LineError("encode", str(exc)) from None
    result = {name: getattr(steps, name) for name in OUTPUT_FIELDS}
    result["warnings"] = [p.as_dict() for p in check_request(request, now)]
    return result


def _error(step, name, message):
    return {"error": {"name": name, "message": message}, "step": step}


def process_lines(lines, handle, now):
    """Apply `handle(record, now)` to each non-blank JSON line; yield (output, ok) in input order."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield (
                _error(
                    "parse", "JSONDecodeError", f"line {number} is not valid JSON: {exc.msg} at column {exc.colno}."
                ),
                False,
            )
            continue
        try:
            output = handle(record, now)
        except LineError as exc:
            output = _error(exc.step, exc.name, str(exc))
        except Exception as exc:  # a bug of ours: report it on its line, without values that may be secret
            output = _error("internal", type(exc).__name__, "unexpected failure on this line; please report it")
        if isinstance(record, dict) and "id" in record:
            output = {"id": record["id"], **output}
        yield output, "error" not in output


def _open_input(path):
    if path == "-":
        return sys.stdin
    return open(path, encoding="utf-8")


def diagnose_record(record, now: int) -> dict:
    """Diagnose one input line's token with the context it carries."""
    try:
        item = item_from_record(record, line=0)
    except BadRecord as exc:
        raise LineError("input", str(exc)) from None
    checked = item.diagnose(now)
    return {
        "findings": [finding.as_dict() for finding in checked.findings],
        "verdict": checked.verdict,
        "zoom_error": checked.zoom_error,
    }


def _side(checked):
    return {
        "verdict": checked.verdict,
        "zoom_error": checked.zoom_error,
        "verified": checked.verified,
        "codes": checked.codes,
    }


def compare_record(record, now: int) -> dict:
    """Compare the tokens `a` and `b` of one input line; sdkSecret verifies both, sdkSecretA/B one each."""
    if not isinstance(record, dict):
        raise LineError("parse", 'each line must be a JSON object such as {"a": "eyJ…", "b": "eyJ…"}.')
    items = []
    for side in ("a", "b"):
        secret = record.get(f"sdkSecret{side.upper()}", record.get("sdkSecret"))
        fields = {"token": record.get(side), "sdkSecret": secret, **{k: record.get(k) for k in COMPARE_CONTEXT}}
        try:
            items.append(item_from_record(fields, line=0))
        except BadRecord as exc:
            raise LineError("input", f"token {side}: {exc}".replace('"token"', f'"{side}"')) from None
    first, second = items
    comparison = compare_tokens(
        first.token,
        second.token,
        secret_a=first.secret,
        secret_b=second.secret,
        sdk_key=first.sdk_key,
        meeting_number=first.meeting_number,
        now=now if first.now is None else first.now,
    )
    return {
        "identical": comparison.identical,
        "claims": comparison.claims,
        "segments": comparison.segments,
        "a": _side(comparison.a),
        "b": _side(comparison.b),
    }


COMMANDS = {
    "sign": ("sign JSON Lines of requests", SIGN_HELP, sign_record),
    "diagnose": ("diagnose JSON Lines of tokens", DIAGNOSE_HELP, diagnose_record),
    "compare": ("compare two tokens per JSON line", COMPARE_HELP, compare_record),
}


def build_parser():
    parser = argparse.ArgumentParser(
        prog="python -m lib", description="Signature Lab: Zoom Meeting SDK signatures, JSON out."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for name, (summary, description, handle) in COMMANDS.items():
        command = commands.add_parser(
            name, help=summary, description=description, formatter_class=argparse.RawDescriptionHelpFormatter
        )
        command.add_argument("--input", required=True, metavar="FILE", help="JSON Lines file, or - for standard input")
        command.add_argument(
            "--now", type=int, metavar="EPOCH", help="the clock, in epoch seconds (default: the real clock)"
        )
        command.set_defaults(handle=handle)
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    now = int(time.time()) if args.now is None else args.now
    try:
        stream = _open_input(args.input)
    except OSError as exc:
        print(f"cannot read {args.input}: {exc.strerror}", file=sys.stderr)
        return 2
    failed = False
    with stream:
        for output, ok in process_lines(stream, args.handle, now):
            failed |= not ok
            print(json.dumps(output), flush=False)
    return 1 if failed else 0
