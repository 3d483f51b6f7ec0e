"""`python -m lib`: the command-line face of the library. JSON Lines in, JSON Lines out.

Secrets are read from the input file or standard input, never from the command line, and are
never written to the output, except where a requested bug itself puts the secret into the token
(key_secret_swapped), which the output then says.
"""

import argparse
import json
import os
import sys
import textwrap
import time
from pathlib import Path
from urllib.parse import urlsplit

from lib.builder.form import InputProblem, check_request, token_family
from lib.doctor.batch import BadRecord, item_from_record
from lib.doctor.token_compare import compare_tokens
from lib.endpoint.probe import probe, settings_from_record
from lib.endpoint.report import result_as_dict
from lib.endpoint.safety import allow_list
from lib.gate.report import (
    FAIL_ON,
    fails,
    jsonl_lines,
    review_paths,
    review_summary,
    sarif_text,
    source_root,
    text_lines,
)
from lib.mistakes.buggy_signer import PRESETS, BugSelectionError, sign_with_bugs
from lib.mistakes.catalogue import BUGS
from lib.review import ReviewInputError, review_code
from lib.signing.encoding import jsrsasign_key_bytes, utf8_bytes
from lib.signing.steps import ABSENT, STEPS, SignatureRequest, build_signature_steps
from lib.zoom.facts import CLOCK_SKEW_SECONDS, DEFAULT_LIFETIME_SECONDS
from lib.zoom.families import CLAIMS, SDK_FAMILIES, VIDEO

SIGN_HELP = """\
Sign Zoom SDK tokens (Meeting SDK for web or native apps, Video SDK), one JSON object per input line
(JSON Lines).

Input fields (JSON types are kept as given: a string "1" role stays a string; a missing field is
left out of the payload):
  sdk              which SDK joins with the token: "web" or "native" (Meeting SDK), "video" (Video SDK);
                   absent: the Video SDK when sessionName is given, else the Meeting SDK (web with
                   meetingNumber and role, native without them)
  sdkKey           SDK key / Client ID            -> claims appKey and sdkKey (Video SDK: app_key)
  sdkSecret        SDK secret / Client Secret     (required; never echoed)
  meetingNumber    meeting number                 -> claim mn (Meeting SDK for web)
  role             0 participant/attendee, 1 host -> claim role (Video SDK: role_type)
  iat              issued-at, epoch seconds       (absent: now)
  exp              expiry, epoch seconds          (absent: iat + 7200)
  tokenExp         absent: equal to exp; null: no tokenExp claim (Meeting SDK)
  videoWebRtcMode  0 or 1                         -> claim video_webrtc_mode
  sessionName      Video SDK session name         -> claim tpc
  version          absent: 1 (Video SDK); null: no version claim
  userKey, sessionKey, userIdentity, geoRegions, cloudRecordingOption, cloudRecordingElection,
  cloudRecordingTranscriptOption, telemetryTrackingId, audioWebRtcMode
                   the Video SDK's optional claims: user_key, session_key, user_identity, …
  variant          "correct" (default): UTF-8 key bytes, as PyJWT and npm jsonwebtoken
                   "official": Zoom's sample exactly (jsrsasign keys an even-length all-hex
                   secret as hex bytes, others by the low byte of each UTF-16 unit)
                   "forum": the forum snippet, replayed with JavaScript semantics (btoa,
                   crypto-js, claim meetingNumber, no tokenExp, returns the MAC only);
                   "btoa_unicode" is the same. Absent iat: now - 30, as the snippet does.
                   "forum_called_wrong": the forum's call generateSignature(meetingNumber, role):
                   the meeting number is used as the key and the role as the secret
                   a JSON list of bug ids, e.g. ["mac_only", "role_string"]: the correct signer
                   with those mistakes switched on (ids: see lib/mistakes/catalogue.py or the list below)
  id               optional, echoed back

For the buggy variants a missing field is JavaScript's undefined: sdkSecret may be left out.

Output, one object per input line, in input order:
  token_family (meeting_web, meeting_native or video), header_json, payload_json, header_b64, payload_b64,
  signing_input, hmac_hex, signature, token
  (header.payload.signature as assembled, even when it is not base64url), returned (what the
  signing function hands back: the MAC alone for the forum snippet), warnings (code, field,
  severity, message, fix: what the credentials and Zoom's claim rules say of the request, with the
  same codes and severities `diagnose` gives the token, plus notes on bug switches that changed
  nothing; the command signs what it is given so that wrong inputs can be demonstrated)
Where the JavaScript throws, the steps computed before the throw, plus
  "error": {"name": ..., "message": ...[, "code": ...]}, "step": the call that threw
  (e.g. "btoa(payload)", "CryptoJS.HmacSHA256"), as in the public test vectors.
For a line that cannot be signed at all:
  {"error": {"name": ..., "message": ...}, "step": ...}
The exit status is 1 if any line failed (a JavaScript throw counts), 0 otherwise.

Bug ids:
{bug_ids}

Examples:
  echo '{"sdkKey":"abc","sdkSecret":"...","meetingNumber":85746065432,"role":0}' | python -m lib sign --input -
  echo '{"sdkKey":"abc","sdkSecret":"...","meetingNumber":85746065432,"role":1,"variant":"forum_called_wrong"}' \\
    | python -m lib sign --input -
"""

DIAGNOSE_HELP = """\
Diagnose Zoom SDK tokens (Meeting SDK for web or native apps, Video SDK), one JSON object per input line
(JSON Lines).

Input fields:
  token          the signature as you have it (quotes, Bearer, JSON wrapper and line breaks are removed)
  sdkSecret      optional: verifies the signature and lets forensics name the signing mistake (never echoed)
  sdkKey         optional: the SDK key / Client ID the token should carry
  meetingNumber  optional: the meeting you will join (compared with mn)
  sdk            optional: which SDK joins with it, "web", "native" or "video" (absent: worked out from the
                 token; a token of the other product's SDK is wrong_token_kind)
  sessionName    optional: the Video SDK session you will join (compared with tpc, ignoring case)
  now            optional: the clock for this line, epoch seconds (default: --now or the real clock)
  id             optional, echoed back

Output, one object per input line, in input order:
  token_family (meeting_web, meeting_native, video, or null for another kind of token), findings (code,
  severity, step, message, fix, evidence, bug_id), verdict, zoom_error (a Meeting SDK for web code, null for
  the other families), platform_errors (finding, platform, code, name, source: what each platform reports for
  the errors, where a source says), secret_in_doubt (true when the signature does not match the sdkSecret given
  and nothing else is wrong: that secret may be the wrong one, so zoom_error is null)
or, for a line that cannot be read: {"error": {"name": ..., "message": ...}, "step": ...}
The exit status is 1 if any line could not be read, or if --fail-on is given and a finding at or above that
severity (error, or error and warning) was reported; 0 otherwise (without --fail-on, whatever the findings).

Example:
  echo '{"token":"eyJhbGciOi..."}' | python -m lib diagnose --input -
"""

COMPARE_HELP = """\
Compare two Zoom SDK tokens, one pair per input line (JSON Lines).

Input fields:
  a, b                   the two tokens
  sdkSecret              optional: verifies both tokens (sdkSecretA / sdkSecretB: one each)
  sdkKey, meetingNumber, sdk, sessionName  optional context, as for diagnose
  now                    optional clock, epoch seconds
  id                     optional, echoed back

Output, one object per input line: identical, claims (claim, a, b, same, explanation), segments
(segment, a, b, same, explanation), and for a and b: token_family, verdict, zoom_error, secret_in_doubt,
verified, codes.

Example:
  echo '{"a":"eyJ...","b":"eyJ..."}' | python -m lib compare --input -
"""
COMPARE_CONTEXT = ("sdkKey", "meetingNumber", "now", "sdk", "sessionName")

PROBE_HELP = """\
Test your own signature endpoint (the server your Web SDK app asks for signatures), one JSON object per
input line (JSON Lines). Each line runs the contract matrix of Zoom's official sample against `url`:
role 0 and 1, the meeting number as a number and with spaces, a string role, missing fields,
expirationSeconds 1800 / 172800 / 1799 / 172801, videoWebRtcMode 1, a body that is not JSON, a CORS
preflight and the same request a second later; each answer is judged and its token diagnosed.

Input fields:
  url            the endpoint, e.g. http://localhost:4000 (the official sample's address)
  sdkKey         optional: the SDK key / Client ID the tokens should carry
  sdkSecret      optional: verifies the tokens here; never sent to the endpoint, never echoed
  meetingNumber  optional: the meeting number to ask for (default: a demo number)
  origin         optional: the Origin header, your web app's origin (default http://localhost:9999)
  timeout        optional: seconds per request, at most 30 (default 5)
  id             optional, echoed back

Only allowed hosts are called: loopback by default; the operator lists others in the environment
variable SIGNATURE_LAB_PROBE_HOSTS (names, addresses or CIDR networks, optionally :port, separated by
commas or spaces; the list replaces the default). Redirects are reported, never followed. The probe uses
the real clock (--now is ignored).

Output, one object per input line, in input order:
  url, origin, allowed_hosts, meetingNumber, verdict, findings (code, severity, cases, message, fix,
  evidence), matrix (case, method, request, status, error, seconds, content_type, cors, verdict, codes,
  token_codes, token_findings (code, severity, not_counted: why it does not count against the endpoint),
  claims). No token, answer body or secret is written; the SDK key is masked.
The exit status is 1 if any line could not be read, or if --fail-on is given and a finding at or above that
severity (error, or error and warning) was reported; 0 otherwise (without --fail-on, whatever the findings).

Example:
  echo '{"url":"http://localhost:4000","sdkSecret":"..."}' | python -m lib probe --input -
"""

REVIEW_HELP = """\
Review Meeting SDK signing code: files and folders, or JSON Lines of code (--input).

  review PATH...  files and folders (walked: files of the eight languages below, except what git ignores,
                  vendored and build folders such as node_modules, vendor, .venv, dist and build, and
                  minified bundles; a file that mentions nothing of signing, claims or secrets is passed
                  over unparsed; a file named on the command line is reviewed even if git ignores it)
    --format text     one line per finding: path:line:column: severity code message (the default)
    --format jsonl    one object per file reviewed: path, language, findings, verdict
    --format sarif    SARIF 2.1.0 for GitHub code scanning (--help-base-url: your Signature Lab's address,
                      for each rule's link)
  The exit status is 1 when a finding at or above --fail-on is reported (default: error), 2 for a usage
  error or a file that cannot be read (said on standard error), 0 otherwise.

  review --input FILE   JSON Lines, one file's code per line. Input fields:
  code       the source text of the signer (one file; JSON escapes its line breaks)
  language   optional: javascript, typescript, python, php, go, java, csharp or ruby
             (also js, ts, py, c#, golang, rb); absent: detected from the code
  id         optional, echoed back

Output, one object per input line, in input order:
  language, findings (code, severity, line, column, excerpt, message, fix, bug_id), verdict
Finding codes are the Token doctor's (diagnose), plus secret_in_browser, hardcoded_secret and
wrong_token_kind, which only code shows. A secret literal in the code is masked in every excerpt.
For a line that cannot be reviewed: {"error": {"name": ..., "message": ...}, "step": ...}
The exit status is 1 if any line could not be reviewed or (with --fail-on) a finding at or above that
severity was reported, 0 otherwise. The code is parsed, never run.

Examples:
  python -m lib review src/ --fail-on warning
  python -m lib review . --format sarif --help-base-url https://lab.example.com > signature-lab.sarif
  python3 -c 'import json,sys; print(json.dumps({"code": open(sys.argv[1]).read()}))' signer.js \\
    | python -m lib review --input -
"""

REQUEST_FIELDS = {
    "sdkKey": "sdk_key",
    "sdkSecret": "sdk_secret",
    "meetingNumber": "meeting_number",
    "role": "role",
    "iat": "iat",
    "exp": "exp",
    "tokenExp": "token_exp",
    "videoWebRtcMode": "video_webrtc_mode",
    "sessionName": "session_name",
    "version": "version",
    "userKey": "user_key",
    "sessionKey": "session_key",
}
# The Video SDK's optional claims, each signed from its request field (the claim table's `field`).
OPTION_FIELDS = {
    claim.field: name
    for name, claim in CLAIMS.items()
    if claim.field and claim.field not in REQUEST_FIELDS and name not in ("appKey", "sdkKey", "app_key")
}
OUTPUT_FIELDS = STEPS  # every step, in the order it is computed


# The public vectors' name for npm jsonwebtoken, which keys the HMAC with UTF-8 as we do.
VARIANT_ALIASES = {"jsonwebtoken_keep_iat": "correct"}
# How each correct-token variant turns the secret into HMAC key bytes.
SECRET_TO_KEY = {"correct": utf8_bytes, "official": jsrsasign_key_bytes}
# The public vectors' names for the forum's buggy signers.
FORUM_VARIANTS = {
    "forum": PRESETS["forum"],
    "btoa_unicode": PRESETS["forum"],
    "forum_called_wrong": PRESETS["forum_call"],
}


class LineError(Exception):
    """A line that cannot be signed: `step` says where, the message says what to fix."""

    def __init__(self, step, message, name="InputError"):
        super().__init__(message)
        self.step, self.name = step, name


def request_from_record(record: dict, now: int, *, secret_required=True, skew=0) -> SignatureRequest:
    """Map a JSON input object to a request, filling iat (now - skew) and exp as the official sample does."""
    if secret_required and "sdkSecret" not in record:
        raise LineError("input", "sdkSecret is missing: every line needs the SDK secret to sign with.")
    values = {attr: record.get(name, ABSENT) for name, attr in REQUEST_FIELDS.items()}
    values["family"] = _stated_family(record)
    values["claims"] = {claim: record[name] for name, claim in OPTION_FIELDS.items() if name in record}
    if values["iat"] is ABSENT:
        values["iat"] = now - skew
    if values["exp"] is ABSENT:
        base = values["iat"] if isinstance(values["iat"], int) and not isinstance(values["iat"], bool) else now
        values["exp"] = base + DEFAULT_LIFETIME_SECONDS
    return SignatureRequest(**values)


def _stated_family(record) -> str | None:
    """The family `sdk` names; the Video SDK's when a session name is given without it; None: a Meeting SDK
    token whose family its claims decide."""
    sdk = record.get("sdk")
    if sdk is None:
        return VIDEO if "sessionName" in record else None
    if sdk not in SDK_FAMILIES:
        raise LineError("input", f"sdk must be one of {', '.join(map(json.dumps, SDK_FAMILIES))}, not {sdk!r}.")
    return SDK_FAMILIES[sdk]


def sign_record(record, now: int) -> dict:
    """Sign one parsed input line; problems become an error object, never an exception."""
    if not isinstance(record, dict):
        raise LineError("parse", 'each line must be a JSON object such as {"sdkKey": ..., "sdkSecret": ...}.')
    variant = record.get("variant", "correct")
    if isinstance(variant, list) or (isinstance(variant, str) and variant in FORUM_VARIANTS):
        return sign_buggy_record(record, variant, now)
    if isinstance(variant, str):
        variant = VARIANT_ALIASES.get(variant, variant)
    request = request_from_record(record, now)
    if not isinstance(variant, str) or variant not in SECRET_TO_KEY:
        known = ", ".join([*SECRET_TO_KEY, *FORUM_VARIANTS])
        raise LineError("variant", f"unknown variant {variant!r}; use one of: {known}, or a list of bug ids.")
    if not isinstance(request.sdk_secret, str):
        raise LineError("input", f"sdkSecret must be a JSON string, not {type(request.sdk_secret).__name__}.")
    try:
        steps = build_signature_steps(request, SECRET_TO_KEY[variant])
    except ValueError as exc:  # e.g. an unpaired surrogate: the message names the position, not the value
        raise LineError("encode", str(exc)) from None
    result = {"token_family": token_family(request), **{name: getattr(steps, name) for name in OUTPUT_FIELDS}}
    result["warnings"] = [p.as_dict() for p in check_request(request, now)]
    return result


def sign_buggy_record(record: dict, variant, now: int) -> dict:
    """Replay a buggy signer: the forum's (a variant name) or the correct one with bugs (a list of ids).

    A JavaScript throw is part of the result: the steps before it, then `error` and `step`.
    """
    forum = FORUM_VARIANTS.get(variant) if isinstance(variant, str) else None
    request = request_from_record(record, now, secret_required=False, skew=CLOCK_SKEW_SECONDS if forum else 0)
    try:
        steps = forum.sign(request) if forum else sign_with_bugs(request, variant)
    except BugSelectionError as exc:
        raise LineError("variant", str(exc)) from None
    except ValueError as exc:  # an input the emulation does not cover: say so rather than guess
        raise LineError("emulate", str(exc), name="NotEmulated") from None
    result = {name: getattr(steps, name) for name in OUTPUT_FIELDS if getattr(steps, name) is not None}
    result = {"token_family": token_family(request), **result}
    result["warnings"] = [p.as_dict() for p in check_request(request, now)]
    notes = list(steps.notes)
    if forum is None and "key_secret_swapped" in variant:
        notes.append("key_secret_swapped puts the secret into the payload, and so into this output: do not share it.")
    result["warnings"] += [InputProblem("bug_note", "variant", "info", note).as_dict() for note in notes]
    if steps.error:
        result.update(error=steps.error.as_dict(), step=steps.failed_at)
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
        "token_family": checked.token_family,
        "findings": [finding.as_dict() for finding in checked.findings],
        "verdict": checked.verdict,
        "zoom_error": checked.zoom_error,
        "platform_errors": checked.platform_errors,
        "secret_in_doubt": checked.secret_in_doubt,
    }


def _side(checked):
    return {
        "token_family": checked.token_family,
        "verdict": checked.verdict,
        "zoom_error": checked.zoom_error,
        "secret_in_doubt": checked.secret_in_doubt,
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
        sdk=first.sdk,
        session_name=first.session_name,
    )
    return {
        "identical": comparison.identical,
        "claims": comparison.claims,
        "segments": comparison.segments,
        "a": _side(comparison.a),
        "b": _side(comparison.b),
    }


def probe_record(record, now: int) -> dict:
    """Probe the endpoint of one input line (the clock is the real one: requests are real)."""
    if not isinstance(record, dict) or not isinstance(record.get("url"), str):
        raise LineError(
            "input", 'each line must be a JSON object with a "url" string, e.g. {"url": "http://localhost:4000"}.'
        )
    try:
        settings = settings_from_record(record, allow_list(os.environ))
    except ValueError as exc:
        raise LineError("input", str(exc)) from None
    result = probe(record["url"], settings)
    return result_as_dict(result, secret=settings.sdk_secret, sdk_key=settings.sdk_key)


def review_record(record, now: int) -> dict:
    """Review one input line's code; the clock is not used (code has no time of its own)."""
    if not isinstance(record, dict) or not isinstance(record.get("code"), str):
        raise LineError("input", 'each line must be a JSON object with the source text in "code": {"code": "..."}.')
    language = record.get("language")
    if language is not None and not isinstance(language, str):
        raise LineError("input", 'language must be a string such as "javascript" or "python", or left out.')
    try:
        return review_code(record["code"], language, record.get("sdk")).as_dict()
    except ReviewInputError as exc:
        raise LineError("input", str(exc)) from None


COMMANDS = {
    "sign": (
        "sign JSON Lines of requests",
        SIGN_HELP.replace("{bug_ids}", textwrap.fill(", ".join(BUGS), 96, initial_indent="  ", subsequent_indent="  ")),
        sign_record,
    ),
    "diagnose": ("diagnose JSON Lines of tokens", DIAGNOSE_HELP, diagnose_record),
    "compare": ("compare two tokens per JSON line", COMPARE_HELP, compare_record),
    "probe": ("test your signature endpoint against the sample's contract", PROBE_HELP, probe_record),
    "review": ("review signing code, one JSON line per file", REVIEW_HELP, review_record),
}


GATED = ("diagnose", "probe", "review")  # the commands whose findings can set the exit status


def build_parser(prog="python -m lib"):
    parser = argparse.ArgumentParser(prog=prog, description="Signature Lab: Zoom Meeting SDK signatures, JSON out.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, (summary, description, handle) in COMMANDS.items():
        command = commands.add_parser(
            name, help=summary, description=description, formatter_class=argparse.RawDescriptionHelpFormatter
        )
        if name == "review":
            command.add_argument("paths", nargs="*", metavar="PATH", help="files and folders to review")
            command.add_argument(
                "--format", choices=("text", "jsonl", "sarif"), help="how findings on PATHs are written"
            )
            command.add_argument(
                "--help-base-url", metavar="URL", help="your Signature Lab's address, linked from each SARIF rule"
            )
        command.add_argument(
            "--input", required=name != "review", metavar="FILE", help="JSON Lines file, or - for standard input"
        )
        command.add_argument(
            "--now", type=int, metavar="EPOCH", help="the clock, in epoch seconds (default: the real clock)"
        )
        if name in GATED:
            command.add_argument(
                "--fail-on",
                choices=tuple(FAIL_ON),
                help="exit 1 when a finding at or above this severity is reported",
            )
        command.set_defaults(handle=handle, usage=command)
    return parser


def review_files(args) -> int:
    """`review PATH...`: findings as text, JSON Lines or SARIF; notes on files not reviewed on standard error."""
    outcome = review_paths(args.paths)
    for _, note in outcome.notes:
        print(note.message, file=sys.stderr)
    if args.format == "sarif":
        print(sarif_text(outcome, source_root(Path.cwd()), args.help_base_url))
    else:
        for line in (jsonl_lines if args.format == "jsonl" else text_lines)(outcome):
            print(line)
    print(review_summary(outcome), file=sys.stderr)
    if outcome.unreadable:
        return 2
    return 1 if fails(outcome.severities, args.fail_on or "error") else 0


def _usage_problem(args) -> str | None:
    if args.command != "review":
        return None
    if args.paths and args.input is not None:
        return "give PATHs or --input, not both"
    if not args.paths and args.input is None:
        return "give the files or folders to review (PATH...), or --input FILE for JSON Lines"
    if args.input is not None and args.format not in (None, "jsonl"):
        return "--input writes JSON Lines; --format text and sarif are for PATHs"
    if args.help_base_url and urlsplit(args.help_base_url).scheme not in ("http", "https"):
        return "--help-base-url must be an http:// or https:// address, e.g. https://lab.example.com"
    return None


def main(argv=None, prog="python -m lib"):
    args = build_parser(prog).parse_args(argv)
    problem = _usage_problem(args)
    if problem:
        args.usage.error(problem)  # exits 2 with the command's usage, as argparse does for every usage error
    if args.command == "review" and args.paths:
        try:
            return review_files(args)
        except BrokenPipeError:  # `| head` read what it wanted; the rest of the output is not wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
    now = int(time.time()) if args.now is None else args.now
    try:
        stream = _open_input(args.input)
    except OSError as exc:
        print(f"cannot read {args.input}: {exc.strerror}", file=sys.stderr)
        return 2
    failed = found = False
    fail_on = getattr(args, "fail_on", None) or "never"
    with stream:
        for output, ok in process_lines(stream, args.handle, now):
            failed |= not ok
            found |= fails([finding.get("severity") for finding in output.get("findings", ())], fail_on)
            print(json.dumps(output), flush=False)
    return 1 if failed or found else 0
