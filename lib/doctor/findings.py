"""The Token doctor's vocabulary: finding codes, a finding, a diagnosis.

FINDING_CODES gives each code its title, default severity and the Zoom error it leads to. The codes of
Zoom's claim rules come from lib.zoom.rules (one definition each); the mistake a code detects comes from
the catalogue's table (lib.mistakes.catalogue.FINDING_BUGS). The codes are a public contract of the CLI.
"""

import json
from dataclasses import dataclass, field
from typing import NamedTuple

from lib.mistakes.catalogue import bug_for_finding
from lib.zoom.rules import RULES

# The doctor's stages, in the order it runs them. A finding's field is called `step` (the CLI's contract).
STAGES = ("format", "header", "payload", "claims", "signature", "context")


@dataclass(frozen=True)
class Code:
    """What a finding code means: its title, default severity and the Zoom error it leads to, with the ID of the
    fact base's row that says so (docs/zoom-signature-facts.md)."""

    title: str
    severity: str
    zoom_error: int | None = None
    zoom_error_source: str = ""


# A signature that does not verify with the app's secret: the fact base's row for 3712.
_INVALID = (3712, "signature-invalid")

FINDING_CODES = {
    # format (a bare MAC and the pre-2022 format fail in the browser on SDK 6.2.0: no Zoom error)
    "input_cleaned": Code("Pasted text cleaned up", "info"),
    "bare_signature": Code("Only the HMAC, not a JWT", "error"),
    "malformed_token": Code("Not a header.payload.signature token", "error"),
    "standard_base64": Code("Standard base64 instead of base64url", "error", *_INVALID),
    "legacy_signature_format": Code("Pre-2022 signature format", "error"),
    # header / payload
    "invalid_json": Code("Segment is not a JSON object", "error"),
    "wrong_alg": Code("Algorithm is not HS256", "error"),
    "wrong_token_kind": Code("Another kind of Zoom token", "error"),
    # claims: Zoom's rules
    **{code: Code(rule.title, rule.severity, rule.zoom_error, rule.zoom_error_source) for code, rule in RULES.items()},
    # context
    "secret_trimmed": Code("Whitespace trimmed from the pasted secret", "info"),
    "secret_not_usable": Code("Secret cannot be used", "warning"),
    "app_key_mismatch": Code("appKey is not the SDK key given", "error"),
    "mn_mismatch": Code("mn differs from the meeting to join", "error", 3706, "mn-other-meeting"),
    "tpc_mismatch": Code("tpc is not the session name joined", "error"),
    "meeting_number_unreadable": Code("Meeting number given is not usable", "info"),
    # signature
    "signature_not_verified": Code("Signature not verified (no secret)", "info"),
    "signature_valid": Code("Signature verified", "info"),
    "signature_mismatch": Code("Signature does not match the secret", "error", *_INVALID),
    "signature_wrong_length": Code("Signature is not 32 bytes", "error", *_INVALID),
    # forensics (lib.mistakes.forensics): the exact mistake that reproduces the signature
    "secret_whitespace": Code("Secret had whitespace when signing", "error", *_INVALID),
    "signed_with_key": Code("Signed with the key instead of the secret", "error", *_INVALID),
    "signed_with_shifted_arguments": Code("Signed with the role as the secret", "error"),  # appKey = mn: not documented
    "signed_over_standard_base64": Code("HMAC over standard base64 segments", "error", *_INVALID),
    "hex_secret": Code("Secret read as hex bytes (jsrsasign)", "error", *_INVALID),
    "latin1_secret_bytes": Code("Secret bytes not UTF-8", "error", *_INVALID),
    "base64_decoded_secret": Code("Secret base64-decoded before signing", "error", *_INVALID),
    "base64_truncated_secret": Code("Secret base64-decoded and cut (jjwt 0.9)", "error", *_INVALID),
    "utf16_secret": Code("Secret in UTF-16 when signing", "error", *_INVALID),
    "bom_secret": Code("Secret with a byte-order mark", "error", *_INVALID),
    "utf16_bom_secret": Code("Secret in UTF-16 with a byte-order mark", "error", *_INVALID),
    "ascii_replaced_secret": Code("Secret's non-ASCII characters replaced by '?'", "error", *_INVALID),
    "diagnosis_failed": Code("Internal error of the diagnosis", "warning"),
}


class Finding(NamedTuple):
    """One thing the doctor found (a NamedTuple: immutable, and cheap to make 100 000 times)."""

    code: str
    severity: str  # "error" | "warning" | "info"
    step: str  # the stage that found it: one of STAGES
    message: str
    fix: str
    evidence: dict
    bug_id: str | None

    @property
    def title(self):
        return FINDING_CODES[self.code].title

    def as_dict(self):
        return {
            "code": self.code,
            "severity": self.severity,
            "step": self.step,
            "message": self.message,
            "fix": self.fix,
            "evidence": self.evidence,
            "bug_id": self.bug_id,
        }


@dataclass(slots=True)
class Diagnosis:
    findings: list
    verdict: str
    zoom_error: int | None
    token: str | None = None  # the cleaned token text
    header: dict | None = None
    payload: dict | None = None
    verified: bool | None = None  # None: no secret to verify with, or nothing verifiable
    segments: tuple = field(default=())  # the dot-separated parts of the cleaned token
    # The signature does not verify and nothing else is wrong: the secret typed into the doctor may be the wrong
    # one as much as the signer's, so no Zoom error is predicted (zoom_error None).
    secret_in_doubt: bool = False
    token_family: str | None = None  # meeting_web, meeting_native or video (lib.zoom.families); None: not a JWT
    # what each platform reports for the error-level findings, where a source says (lib.zoom.families)
    platform_errors: list = field(default_factory=list)

    @property
    def codes(self):
        return [f.code for f in self.findings]

    def has(self, code):
        return any(f.code == code for f in self.findings)

    def severity_count(self, severity):
        return sum(1 for f in self.findings if f.severity == severity)

    def as_dict(self):
        return {
            "token": self.token,
            "header": self.header,
            "payload": self.payload,
            "verified": self.verified,
            "findings": [f.as_dict() for f in self.findings],
            "verdict": self.verdict,
            "zoom_error": self.zoom_error,
            "secret_in_doubt": self.secret_in_doubt,
            "token_family": self.token_family,
            "platform_errors": self.platform_errors,
        }


# (code, stage) -> the catalogue's mistake, for every code and stage: one lookup per finding (a constant table)
_BUG_IDS = {(code, stage): bug_for_finding(code, stage) for code in FINDING_CODES for stage in STAGES}


_new_finding = tuple.__new__  # Finding's fields in order, without NamedTuple's Python-level __new__ (hot path)


def add_finding(findings, code, step, message, fix="", severity=None, **evidence):
    bug_id = _BUG_IDS[code, step]
    findings.append(
        _new_finding(Finding, (code, severity or FINDING_CODES[code].severity, step, message, fix, evidence, bug_id))
    )


MAX_SHOWN_VALUE = 200


def json_value(value) -> str:
    """A claim value as JSON text, so a string "1" and a number 1 look different, as they are."""
    return json.dumps(value, ensure_ascii=False)


def shown_value(value) -> str:
    """json_value cut for a table cell: a pasted megabyte stays out of the page."""
    text = json_value(value)
    return text if len(text) <= MAX_SHOWN_VALUE else text[: MAX_SHOWN_VALUE - 1] + "…"


def breach_finding(breach) -> Finding:
    """A claim rule's breach as the doctor's finding (step "claims")."""
    code, severity, message, fix, evidence = breach
    return _new_finding(Finding, (code, severity, "claims", message, fix, evidence, _BUG_IDS[code, "claims"]))
