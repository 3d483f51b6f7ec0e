"""What may be shown or shared of a probe: the matrix as rows, a JSON result and a Markdown report.

The JSON and Markdown are safe to post: no token (its payload segment would give the key back), no
answer body, no secret, the SDK key masked, and a last pass that replaces any token, secret or key that
reached the text some other way (a finding quoting a redirect target, say).
"""

import json
from datetime import UTC, datetime

from lib.endpoint.probe import ProbeResult, redact_answer
from lib.present.display import markdown_text
from lib.present.inspection import SEVERITY_MARKS
from lib.present.redaction import REMOVED, code_span, mask_key, table_cell
from lib.zoom.families import family_of

SHOWN_CLAIMS = ("mn", "role", "tpc", "role_type", "version", "iat", "exp", "tokenExp", "video_webrtc_mode")  # no keys
KEY_CLAIMS = ("appKey", "sdkKey", "app_key")
VERDICT_MARKS = {**SEVERITY_MARKS, "ok": SEVERITY_MARKS[None], "skipped": "– skipped"}
TOKEN_FINDING_MARKS = {"error": "✖", "warning": "⚠", "info": "ℹ"}


def token_findings_text(checked) -> str:
    """Every Token doctor finding on the case's token, its severity marked; those that do not count against
    the endpoint say why."""
    return ", ".join(
        f"{TOKEN_FINDING_MARKS[f.severity]} {f.code}" + (f" ({f.not_counted})" if f.not_counted else "")
        for f in checked.token_findings
    )


def matrix_rows(result: ProbeResult) -> list[dict]:
    """One row per request: what was asked, the status, the time, CORS (the header as sent), the verdict, its
    codes and the Token doctor's findings on the token. The values are plain text, some of them the endpoint's:
    a page that renders Markdown escapes them."""
    rows = []
    for checked in result.cases:
        answer = checked.answer
        rows.append(
            {
                "request": checked.case.title,
                "status": "" if answer is None else str(answer.status or answer.error),
                "time": "" if answer is None else f"{answer.seconds * 1000:.0f} ms",
                "content type": (answer.header("content-type") or "") if answer else "",
                "CORS": (answer.header("access-control-allow-origin") or "none") if answer and answer.status else "",
                "verdict": VERDICT_MARKS[checked.verdict],
                "findings": ", ".join(f.code for f in checked.findings),
                "token findings": token_findings_text(checked),
            }
        )
    return rows


def _family(checked):
    """The token family of the token the case got back (lib.zoom.families), None without a token."""
    payload = checked.diagnosis.payload if checked.diagnosis else None
    return family_of(payload) if isinstance(payload, dict) else None


def _claims(checked):
    payload = checked.diagnosis.payload if checked.diagnosis else None
    if not isinstance(payload, dict):
        return None
    return {name: payload[name] for name in SHOWN_CLAIMS if name in payload}


def result_as_dict(result: ProbeResult, *, secret: str | None = None, sdk_key: str | None = None) -> dict:
    """The probe as JSON (the command line's output line and the JSON download): redacted."""
    data = {
        "url": result.url,
        "origin": result.origin,
        "allowed_hosts": result.allowed,
        "meetingNumber": result.meeting_number,
        "sdk": result.sdk,
        "token_family": family_of({}, result.sdk),
        "verdict": result.verdict,
        "findings": [finding.as_dict() for finding in result.findings],
        "matrix": [
            {
                "case": checked.case.id,
                "method": checked.case.method,
                "request": checked.case.request_text,
                "status": checked.answer.status if checked.answer else None,
                "error": checked.answer.error if checked.answer else None,
                "seconds": round(checked.answer.seconds, 4) if checked.answer else None,
                "content_type": checked.answer.header("content-type") if checked.answer else None,
                "cors": checked.answer.header("access-control-allow-origin") if checked.answer else None,
                "verdict": checked.verdict,
                "codes": [f.code for f in checked.findings],
                "token_codes": checked.diagnosis.codes if checked.diagnosis else None,
                "token_findings": [f.as_dict() for f in checked.token_findings] if checked.diagnosis else None,
                "claims": _claims(checked),
                "token_family": _family(checked),
            }
            for checked in result.cases
        ],
    }
    return json.loads(scrub(json.dumps(data, ensure_ascii=False), result, secret, sdk_key))


def markdown_report(result: ProbeResult, now: int, *, secret: str | None = None, sdk_key: str | None = None) -> str:
    video = result.sdk == "video"
    asked = f"session name {code_span(result.session_name)}" if video else f"meeting number {result.meeting_number}"
    lines = [
        f"# Zoom {'Video' if video else 'Meeting'} SDK auth endpoint: contract matrix (redacted)",
        "",
        f"Made with Signature Lab on {datetime.fromtimestamp(now, UTC):%Y-%m-%d %H:%M} UTC against `{result.url}` "
        f"(Origin `{result.origin}`, {asked}). Tokens, answers and secrets are left "
        "out and the SDK key is masked, so this report is safe to post.",
        "",
        f"**Verdict:** {result.verdict}",
        "",
        "| request | status | time | CORS | verdict | findings | token findings |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in matrix_rows(result):
        lines.append(
            f"| {table_cell(row['request'])} | {table_cell(row['status'])} | {row['time']} | "
            f"{code_span(row['CORS'] or '-')} | {row['verdict']} | {table_cell(row['findings'])} | "
            f"{table_cell(row['token findings'])} |"
        )
    lines += ["", "## Findings", ""]
    for finding in result.findings:
        lines.append(f"- **{SEVERITY_MARKS[finding.severity]}** `{finding.code}` — {finding.message}")
        lines.append(f"  - Seen in: {', '.join(finding.cases) or 'the URL'}")
        lines.append(f"  - Fix: {finding.fix}")
    if not result.findings:
        lines.append("None: every answer is what the official sample answers.")
    return scrub("\n".join(lines) + "\n", result, secret, sdk_key)


def scrub(text: str, result: ProbeResult, secret: str | None = None, sdk_key: str | None = None) -> str:
    """Replace every token the endpoint returned and the given secret, and mask every key seen."""
    keys = {sdk_key} if sdk_key else set()
    for checked in result.cases:
        if checked.diagnosis is None:
            continue
        for value in (checked.token, *checked.diagnosis.segments):
            if isinstance(value, str) and len(value) >= 8:
                text = text.replace(value, REMOVED)
        payload = checked.diagnosis.payload if isinstance(checked.diagnosis.payload, dict) else {}
        keys |= {payload.get(claim) for claim in KEY_CLAIMS}
    if secret and len(secret) >= 4:
        text = text.replace(secret, REMOVED)
    for key in keys:
        if isinstance(key, str) and len(key) >= 4:
            text = text.replace(key, mask_key(key))
    return text


def verdict_level(result: ProbeResult) -> str:
    """The verdict's box: the worst finding's severity, or success."""
    severities = {finding.severity for finding in result.findings}
    return "error" if "error" in severities else "warning" if "warning" in severities else "success"


def probe_outputs(result: ProbeResult, now: int, *, secret: str | None, sdk_key: str | None) -> dict:
    """What the page keeps of a run: the result, both reports, the raw answers (a Markdown heading, then the
    headers and body as text, the secret removed), and the browser's own request once it is asked for."""
    return {
        "result": result,
        "markdown": markdown_report(result, now, secret=secret, sdk_key=sdk_key),
        "json": json.dumps(result_as_dict(result, secret=secret, sdk_key=sdk_key), indent=2, ensure_ascii=False),
        "answers": [
            (
                f"**{markdown_text(checked.case.title)}**: {checked.answer.status or checked.answer.error}, "
                f"{checked.answer.seconds * 1000:.0f} ms",
                "\n".join(f"{name}: {value}" for name, value in checked.answer.headers)
                + f"\n\n{redact_answer(checked.text, secret)}",
            )
            for checked in result.cases
            if checked.answer is not None
        ],
        "browser": None,
    }
