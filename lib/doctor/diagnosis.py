"""Token doctor: what is wrong with a pasted Meeting SDK signature, which known mistake made it, and
which Web SDK error Zoom would most likely answer.

`diagnose` accepts anything a user pastes (a JWT, the same wrapped in quotes, `Bearer `, line
breaks or the sample's JSON answer, a bare MAC, the legacy format, garbage) and never raises. Its
stages live beside it: paste (finding the token), structure (format, segments, header), Zoom's claim
rules (lib.zoom.rules, shared with the builder and `sign`), the context the user gave, signature and
forensics; this module runs them in order and gives the verdict.
"""

import math
import time

from lib.doctor.context import check_context, context_meeting_number
from lib.doctor.findings import FINDING_CODES, Diagnosis, add_finding, breach_finding
from lib.doctor.paste import extract_token
from lib.doctor.signature import check_signature, clean_secret
from lib.doctor.structure import (
    check_alphabet,
    decode_json_segment,
    diagnose_dotless,
    legacy_fields,
    legacy_finding,
    read_header,
)
from lib.doctor.token_kinds import family_kind, token_kind
from lib.mistakes.forensics import MISTAKE_CODES
from lib.signing.secret_scan import REMOVED, SECRET_RUN, carries_secret, remove_secret
from lib.zoom.facts import UNDOCUMENTED_ERROR, ZOOM_ERRORS
from lib.zoom.families import FAMILIES, MEETING_WEB, SDK_FAMILIES, family_of, same_sdk
from lib.zoom.rules import check_claims

_NUMBER_TYPES = (int, float)  # not bool: a "now" of True is no clock
_FORENSIC = frozenset(MISTAKE_CODES)
_ZOOM_ERROR_OF = {code: spec.zoom_error for code, spec in FINDING_CODES.items()}


def _zoom_error(errors):
    """The Web SDK error every error-level finding leads to, each by a row of the fact base; None when one leads
    to no documented code or two to different ones: Zoom does not document the order it checks a token in, so
    which of several answers comes first is not documented either."""
    codes = {_ZOOM_ERROR_OF[f.code] for f in errors}
    return next(iter(codes)) if len(codes) == 1 else None


def _undocumented_answer(errors):
    """What is said instead of a code when the errors together lead to no documented one."""
    codes = sorted({code for f in errors if (code := _ZOOM_ERROR_OF[f.code])})
    if not codes:
        return ""
    some = " and ".join(map(str, codes))
    return f"{UNDOCUMENTED_ERROR} for these errors together ({some} for some of them alone). "


def _secret_in_doubt(errors) -> bool:
    """The signature does not match and nothing else is wrong: no other error, and no forensic mistake (an
    error of its own) reproduces it. Then the secret typed here is as suspect as the signer's."""
    return [f.code for f in errors] == ["signature_mismatch"]


def _doubt_verdict(findings):
    code = _ZOOM_ERROR_OF["signature_mismatch"]
    refused = ZOOM_ERRORS[code].answer if code else "Zoom refuses it"
    warnings = sum(1 for f in findings if f.severity == "warning")
    more = f" {warnings} warning{'s' if warnings > 1 else ''} below." if warnings else ""
    return (
        "The signature does not match the secret typed here, and nothing else in the token is wrong. Either the "
        "secret typed here is not the one your app signs with (another app's, a test app's, or one regenerated "
        f"since), and the token may be right; or the signer used another secret, and {refused}. Check the secret "
        f"typed here first.{more}"
    )


def _platform_errors(errors, family):
    """What each platform reports for these errors, where a source says (the family's table), in finding order."""
    if family is None or not family.errors:
        return []
    return [{"finding": f.code, **error.as_dict()} for f in errors for error in family.errors.get(f.code, ())]


def _platform_answer(family, platform_errors):
    if family is None or family.id == MEETING_WEB or (not platform_errors and not family.refused_as.startswith("its")):
        return ""
    if platform_errors:
        first = platform_errors[0]["finding"]
        said = "; ".join(f"{e['platform']}: {e['code']} {e['name']}" for e in platform_errors if e["finding"] == first)
        return f"The {family.title} would refuse it ({said}). "
    return f"A {family.title} would refuse it, with {family.refused_as}. "


def _verdict(findings, errors, zoom_error, verified, secret_in_doubt=False, platform=""):
    if secret_in_doubt:
        return _doubt_verdict(findings)
    if errors:
        # the cause: a proven forensic mistake, else the first error that leads to the predicted Zoom error
        leading = next((f for f in errors if f.code in _FORENSIC), None)
        if zoom_error:
            leading = leading or next((f for f in errors if _ZOOM_ERROR_OF[f.code] == zoom_error), errors[0])
        leading = leading or errors[0]
        answer = (
            f"Zoom would most likely answer {zoom_error} “{ZOOM_ERRORS[zoom_error].message}” "
            if zoom_error
            else platform
        )
        more = f" {len(errors) - 1} more error{'s' if len(errors) > 2 else ''} below." if len(errors) > 1 else ""
        fix = f" Fix: {leading.fix}" if leading.fix else ""
        return f"{answer}Cause: {leading.title}.{fix}{more}"
    warnings = [f for f in findings if f.severity == "warning"]
    if warnings:
        names = "; ".join(f.title for f in warnings[:3])
        return f"No error found, but {len(warnings)} warning{'s' if len(warnings) > 1 else ''}: {names}."
    if verified:
        return "Correct: no problem found and the signature verifies with the secret."
    return "No problem found in the token; the signature is not verified (enter the secret to check it)."


def _finish(findings, token=None, header=None, payload=None, verified=None, segments=(), family=None, judged=None):
    """The verdict; `family`: the token's family (None when it is no Meeting or Video SDK token), `judged`: the
    family whose rules judged it. Web SDK codes are predicted only for the Meeting SDK for web."""
    errors = [f for f in findings if f.severity == "error"]
    if not errors:  # the usual case: no prediction to make
        verdict = _verdict(findings, errors, None, verified)
        return Diagnosis(findings, verdict, None, token, header, payload, verified, segments, False, family, [])
    in_doubt = _secret_in_doubt(errors)
    web = judged is None or judged.id == MEETING_WEB
    zoom_error = _zoom_error(errors) if not in_doubt and web else None
    # a token given to the other product's SDK: its own family's answers are not what the SDK that joins says
    crossed = any(f.code == "wrong_token_kind" and "sdk" in f.evidence for f in errors)
    predicted = not in_doubt and not crossed
    platform_errors = _platform_errors(errors, judged) if predicted else []
    platform = _platform_answer(judged, platform_errors) if predicted and family else ""
    if web and not in_doubt and zoom_error is None:
        platform = _undocumented_answer(errors)
    verdict = _verdict(findings, errors, zoom_error, verified, in_doubt, platform)
    return Diagnosis(
        findings, verdict, zoom_error, token, header, payload, verified, segments, in_doubt, family, platform_errors
    )


def diagnose(
    text, *, secret=None, sdk_key=None, meeting_number=None, now=None, host=False, sdk=None, session_name=None
) -> Diagnosis:
    """Everything wrong with a pasted token, given what the user knows (all optional): the SDK secret,
    the SDK key, the meeting number they will join, the clock, whether they start as host (ZAK), which SDK
    joins with it (`sdk`: "web", "native" or "video"; None: worked out from the token) and the Video SDK
    session name they join. Never raises: an unexpected failure becomes a `diagnosis_failed` finding."""
    try:
        context = (sdk if sdk in SDK_FAMILIES else None, session_name if isinstance(session_name, str) else None)
        return _without_secret(_diagnose(text, secret, sdk_key, meeting_number, now, host, *context), secret)
    except Exception as exc:  # a bug of ours: say so without values (the input may hold secrets)
        findings = []
        add_finding(
            findings,
            "diagnosis_failed",
            "format",
            f"The diagnosis stopped on an unexpected {type(exc).__name__}; please report it with the shape "
            "of your input (not the secret).",
            "",
        )
        return _finish(findings)


def _texts(value):
    """Every string in a finding's parts (evidence nests lists and objects)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _texts(name)
            yield from _texts(item)


_OTHER_BYTES = bytes(b for b in range(256) if b != 1)
_ONLY_MARKS = bytes.maketrans(_OTHER_BYTES, bytes(len(_OTHER_BYTES)))  # every byte but 1 -> 0
_MARKED_RUN = b"\1" * SECRET_RUN


def _scanned_fast(secret) -> bool:
    """A secret of printable ASCII without apostrophes or backslashes (every Client Secret): repr() writes its
    characters as they are (it never escapes a double quote), and each is one byte of the text's UTF-8."""
    return secret.isascii() and secret.isprintable() and "'" not in secret and "\\" not in secret


def _holds_secret_run(text, secret) -> bool:
    """carries_secret(text, secret, encoded=False) for a secret _scanned_fast takes, in a few C-level passes: the
    secret's bytes marked 1 and all others 0, only the stretches of SECRET_RUN marks or more can hold a run of it,
    and only they are searched (joined by a line break, which no such secret holds)."""
    data = text.encode("utf-8", "surrogatepass")
    marks = bytes.maketrans(secret.encode(), b"\1" * len(secret)).translate(_ONLY_MARKS)  # byte -> 1 or 0
    marked = data.translate(marks)
    stretches = []
    start = marked.find(_MARKED_RUN)
    while start >= 0:
        end = marked.find(0, start + SECRET_RUN)
        end = len(marked) if end < 0 else end
        stretches.append(data[start:end].decode("ascii"))
        start = marked.find(_MARKED_RUN, end)
    return bool(stretches) and carries_secret("\n".join(stretches), secret, encoded=False)


def _without_secret(checked: Diagnosis, secret) -> Diagnosis:
    """The findings and verdict with the secret, and every run of it long enough to leak, removed: a message
    or evidence that quotes a claim (an unknown claim's name, a value of the wrong type) must not show the
    secret that claim carries."""
    secret = secret.strip() if isinstance(secret, str) else ""
    if len(secret) < SECRET_RUN:
        return checked
    if _scanned_fast(secret):  # the usual case: one look at it all, the evidence as its repr
        shown = [checked.verdict]
        for f in checked.findings:
            shown += (f.message, f.fix, repr(f.evidence))
        if not _holds_secret_run("\n".join(shown), secret):
            return checked
    shown = [checked.verdict, *(text for f in checked.findings for text in _texts((f.message, f.fix, f.evidence)))]
    if not carries_secret("\n".join(shown), secret, encoded=False):
        return checked

    def removed(value):
        if isinstance(value, str):
            return remove_secret(value, secret, REMOVED)
        if isinstance(value, list | tuple):
            return type(value)(map(removed, value))
        if isinstance(value, dict):
            return {removed(name): removed(item) for name, item in value.items()}
        return value

    checked.findings = [
        f._replace(message=removed(f.message), fix=removed(f.fix), evidence=removed(f.evidence))
        for f in checked.findings
    ]
    checked.verdict = removed(checked.verdict)
    return checked


def _judging_family(findings, header, payload, sdk):
    """(the token's family or None for another kind of Zoom token, the family whose rules judge it), with the
    finding that says the token is of another kind than the SDK that joins with it."""
    stated = family_of(payload, sdk) if sdk else None
    kind = token_kind(header or {}, payload)
    if kind:  # another Zoom token: judged as the signature it was given for (a web one unless told)
        found = []
        message = f"This is {kind.name}, not a Meeting SDK signature. {kind.purpose}"
        add_finding(found, "wrong_token_kind", "payload", message, kind.instead, kind=kind.id)
        _insert_before_errors(findings, found[0])
        return None, FAMILIES[stated or MEETING_WEB]
    own = family_of(payload)
    if stated is None:
        return own, FAMILIES[own]
    if same_sdk(own, stated):
        return stated, FAMILIES[stated]  # web or native: the user says which Meeting SDK joins
    kind = family_kind(own)
    wanted = FAMILIES[stated]
    message = (
        f"This is {kind.name} ({FAMILIES[own].title}), but you join with the {wanted.title}: it does not take "
        f"this token. {kind.purpose}"
    )
    found = []
    add_finding(found, "wrong_token_kind", "payload", message, kind.instead, kind=kind.id, sdk=sdk)
    _insert_before_errors(findings, found[0])
    return own, FAMILIES[own]  # judged as what it is: its own mistakes still count


def _insert_before_errors(findings, finding):
    """The cause goes before the errors it explains (another alg, the claims it lacks)."""
    first_error = next((i for i, f in enumerate(findings) if f.severity == "error"), len(findings))
    findings.insert(first_error, finding)


def _diagnose(text, secret, sdk_key, meeting_number, now, host, sdk=None, session_name=None):
    findings = []
    if type(now) not in _NUMBER_TYPES or not math.isfinite(now):
        now = time.time()  # no clock given (or no usable one): the real clock
    now = int(now)
    pasted = extract_token(text)
    token = pasted.text
    if pasted.removed:
        add_finding(
            findings,
            "input_cleaned",
            "format",
            f"Removed {', '.join(pasted.removed)} before reading the token.",
            "Pass join() the bare token, without wrapping.",
            removed=list(pasted.removed),
        )
    context_key = (sdk_key.strip() if isinstance(sdk_key, str) else None) or pasted.sdk_key
    context_mn = context_meeting_number(findings, meeting_number) if meeting_number not in (None, "") else None
    trimmed_secret = clean_secret(findings, secret)
    if not token:
        add_finding(
            findings,
            "malformed_token",
            "format",
            "Nothing to diagnose: paste the signature your endpoint returns (it starts with eyJ).",
            "Copy the `signature` value from your endpoint's response or the browser's network tab.",
            parts=0,
        )
        return _finish(findings)
    parts = token.split(".")
    if len(parts) == 1:
        diagnose_dotless(token, findings)
        return _finish(findings, token, segments=tuple(parts))
    if len(parts) != 3:
        legacy = legacy_fields(token) if len(parts) in (5, 6) else None
        if legacy:
            legacy_finding(findings, legacy)
        else:
            add_finding(
                findings,
                "malformed_token",
                "format",
                f"A JWT has exactly three dot-separated parts (header.payload.signature); this has {len(parts)}"
                + (": the signature is missing." if len(parts) == 2 else "."),
                "Paste the whole token your endpoint returns, without extra text.",
                parts=len(parts),
            )
        return _finish(findings, token, segments=tuple(parts))
    header_b64, payload_b64, signature_b64 = parts
    check_alphabet(findings, header_b64, payload_b64, signature_b64)
    header_bytes, header = read_header(findings, header_b64)
    payload_bytes, payload = decode_json_segment(findings, "payload", payload_b64)
    claims = payload if payload is not None else {}
    family = judged = None
    if payload is not None:
        family, judged = _judging_family(findings, header, payload, sdk)
        told = None if family is not None and sdk is None else judged.id  # None: the rule book works it out
        if breaches := check_claims(payload, now, host=host, family=told):
            findings += map(breach_finding, breaches)
        check_context(
            findings, header or {}, payload, context_key, context_mn, trimmed_secret, payload_bytes, session_name
        )
    decoded = (header_bytes, payload_bytes) if header_bytes is not None and payload_bytes is not None else None
    verified = check_signature(
        findings, parts, decoded, trimmed_secret, secret if trimmed_secret else None, context_key, claims
    )
    return _finish(findings, token, header, payload, verified, tuple(parts), family, judged)
