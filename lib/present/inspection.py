"""What the inspector shows about a diagnosis: the claims table, findings by step, the verification
status. Plain data (rows, strings), so the page stays a thin renderer and everything is unit-tested."""

from lib.doctor.findings import STAGES, Diagnosis, shown_value
from lib.present.display import describe_time
from lib.signing.secret_scan import NAMED_WITH_SECRET
from lib.zoom.facts import TIME_CLAIMS
from lib.zoom.rules import SEVERITIES

STAGE_TITLES = {
    "format": "Format: is it a JWT at all?",
    "header": "Header",
    "payload": "Payload",
    "claims": "Claims",
    "signature": "Signature",
    "context": "Against what you entered",
}
SEVERITY_ORDER = {severity: rank for rank, severity in enumerate(SEVERITIES)}  # error first
SEVERITY_MARKS = {"error": "✖ error", "warning": "⚠ warning", "info": "ℹ info", None: "✔ ok"}


def _claim_verdicts(diagnosis: Diagnosis) -> dict:
    """claim -> (worst severity, titles of the findings about it)."""
    verdicts = {}
    for finding in diagnosis.findings:
        for claim in finding.evidence.get("claims", ()):
            severity, titles = verdicts.get(claim, (None, []))
            if severity is None or SEVERITY_ORDER[finding.severity] < SEVERITY_ORDER[severity]:
                severity = finding.severity
            verdicts[claim] = (severity, [*titles, finding.title])
    return verdicts


def claim_rows(diagnosis: Diagnosis, now: int) -> list[dict]:
    """One row per header and payload member: part, claim, value (JSON), time, verdict."""
    verdicts = _claim_verdicts(diagnosis)
    rows = []
    for part, members in (("header", diagnosis.header), ("payload", diagnosis.payload)):
        for claim, value in (members or {}).items():
            severity, titles = verdicts.get(claim, (None, []))
            rows.append(
                {
                    "part": part,
                    "claim": claim,
                    "value": shown_value(value),
                    "time": describe_time(value, now) if claim in TIME_CLAIMS else "",
                    "verdict": SEVERITY_MARKS[severity] + (": " + "; ".join(titles) if titles else ""),
                }
            )
    present = {*(diagnosis.header or {}), *(diagnosis.payload or {})}
    for claim, (severity, titles) in verdicts.items():  # expected claims that are missing
        if diagnosis.payload is not None and claim not in present and claim != NAMED_WITH_SECRET:
            rows.append(
                {
                    "part": "header" if claim == "alg" else "payload",
                    "claim": claim,
                    "value": "(missing)",
                    "time": "",
                    "verdict": SEVERITY_MARKS[severity] + ": " + "; ".join(titles),
                }
            )
    return rows


def findings_by_stage(diagnosis: Diagnosis) -> list[tuple[str, list]]:
    """(stage title, findings sorted by severity) for each stage that has findings, in STAGES order."""
    grouped = []
    for stage in STAGES:
        findings = [f for f in diagnosis.findings if f.step == stage]
        if findings:
            grouped.append((STAGE_TITLES[stage], sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])))
    return grouped


def verdict_level(diagnosis: Diagnosis) -> str:
    """The box the verdict is shown in: error, warning or success (named as Streamlit's boxes)."""
    if diagnosis.severity_count("error"):
        return "error"
    return "warning" if diagnosis.severity_count("warning") else "success"


def verification_status(diagnosis: Diagnosis) -> tuple[str, str]:
    """(level, sentence) about the signature check: level is success / warning / error / info. A signature
    that verifies takes the verdict's colour: a right HMAC over wrong claims is no success."""
    if diagnosis.verified is True:
        level = verdict_level(diagnosis)
        if level == "error":
            return level, (
                "Signature verified: the HMAC matches the secret you entered, but the token has errors (see the "
                "verdict). A right signature over wrong claims still fails."
            )
        if level == "warning":
            return level, "Signature verified: the HMAC matches the secret you entered; the token has warnings."
        return "success", "Signature verified: the HMAC matches the secret you entered."
    if diagnosis.verified is False:
        if diagnosis.secret_in_doubt:
            return "error", (
                "Signature does NOT match the secret you entered: that secret may be the wrong one, or the signer's."
            )
        return "error", "Signature does NOT match the secret you entered."
    if diagnosis.has("signature_not_verified"):
        return "info", "Signature not verified: enter the SDK secret to check it."
    return "info", "Signature not checked: the token is not a complete JWT."
