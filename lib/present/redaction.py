"""A diagnosis report that is safe to post on a public forum.

The forum thread this project comes from had to be censored because a user posted credentials. So
the report holds the decoded claims and the findings, never the signature or the raw segments (the
payload segment would give the key back), never the secret or its fingerprint, and the SDK key only
masked. A last pass replaces any remaining occurrence of those values, whatever produced it.
"""

import json
from datetime import UTC, datetime

from lib.doctor.findings import Diagnosis
from lib.present.family import family_sentence, prediction_note
from lib.present.inspection import SEVERITY_MARKS, claim_rows, findings_by_stage, verification_status
from lib.signing.secret_scan import REMOVED, SECRET_CODES, remove_secret
from lib.zoom.facts import ZOOM_ERRORS
from lib.zoom.families import VIDEO
from lib.zoom.rules import KEY_CLAIMS

_MIN_REPLACED_LENGTH = 4  # shorter values would mask ordinary words


def mask_key(key: str) -> str:
    """Enough of a key to recognise it, not enough to use it: 'abcD…oP (22 characters)'."""
    if len(key) < 10:
        return f"{key[:1]}… ({len(key)} characters)"
    return f"{key[:4]}…{key[-2:]} ({len(key)} characters)"


def table_cell(text: str) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def code_span(text: str) -> str:
    """_cell as a code span, fenced with double backticks if the text holds one."""
    text = table_cell(text)
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _key_values(diagnosis: Diagnosis, sdk_key):
    keys = [sdk_key] + [(diagnosis.payload or {}).get(claim) for claim in KEY_CLAIMS]
    texts = [k for k in keys if isinstance(k, str)]  # a key claim may be any JSON value: lists are unhashable
    return [k for k in dict.fromkeys(texts) if len(k.strip()) >= _MIN_REPLACED_LENGTH]


def redacted_report(
    diagnosis: Diagnosis, now: int, *, secret: str | None = None, sdk_key: str | None = None, sdk: str | None = None
) -> str:
    """The Markdown report. `secret` and `sdk_key` are only used to scrub them out of the text; `sdk` is the SDK
    the user said joins with the token (None: worked out from it)."""
    status = verification_status(diagnosis)[1]
    if diagnosis.zoom_error:
        error = f"{diagnosis.zoom_error} — {ZOOM_ERRORS[diagnosis.zoom_error].message}"
    else:
        error = (
            "unknown: the secret given may be the wrong one (see the verdict)"
            if diagnosis.secret_in_doubt
            else "none expected"
        )
    product = "Video SDK token" if diagnosis.token_family == VIDEO else "Meeting SDK signature"
    lines = [
        f"# Zoom {product}: diagnosis (redacted)",
        "",
        f"Made with Signature Lab on {datetime.fromtimestamp(now, UTC):%Y-%m-%d %H:%M} UTC. The signature, the raw "
        "token and the secret are removed and the SDK key is masked, so this report is safe to post.",
        "",
        f"- **Verdict:** {diagnosis.verdict}",
        f"- **Most likely Zoom error:** {error}",
        f"- **Signature check:** {status}",
    ]
    family = family_sentence(diagnosis.token_family, sdk)
    if family:
        lines.append(f"- {family}")
    if diagnosis.segments:
        sizes = ", ".join(
            f"{name} {len(part)} characters"
            for name, part in zip(("header", "payload", "signature"), diagnosis.segments, strict=False)
        )
        lines.append(f"- **Token shape:** {len(diagnosis.segments)} part(s): {sizes}")
    rows = claim_rows(diagnosis, now)
    if rows:
        lines += [
            "",
            "## Decoded header and payload",
            "",
            "| part | claim | value | time | verdict |",
            "|---|---|---|---|---|",
        ]
        carrying = {c for f in diagnosis.findings if f.code in SECRET_CODES for c in f.evidence.get("claims", ())}
        for row in rows:
            value = row["value"]
            if row["claim"] in carrying:
                value = REMOVED
            elif row["claim"] in KEY_CLAIMS and row["part"] == "payload" and value.startswith('"'):
                value = mask_key(diagnosis.payload[row["claim"]])
            lines.append(
                f"| {row['part']} | {code_span(row['claim'])} | {code_span(value)} | {table_cell(row['time'])} | "
                f"{table_cell(row['verdict'])} |"
            )
    lines += ["", "## Findings"]
    for title, findings in findings_by_stage(diagnosis):
        lines += ["", f"### {title}", ""]
        for finding in findings:
            lines.append(f"- **{SEVERITY_MARKS[finding.severity]}** `{finding.code}` — {finding.message}")
            if finding.fix:
                lines.append(f"  - Fix: {finding.fix}")
            if finding.bug_id:
                lines.append(f"  - Known bug: `{finding.bug_id}`")
            if note := prediction_note(diagnosis, finding):
                lines.append(f"  - {note}")
    text = "\n".join(lines) + "\n"
    return scrub(text, diagnosis, secret=secret, sdk_key=sdk_key)


def scrub(text: str, diagnosis: Diagnosis, *, secret=None, sdk_key=None) -> str:
    """Replace every occurrence of the secret, the signature, the raw segments and the key."""
    # the secret as it is (trimmed) first: the whitespace pasted around it is not secret, and the report's own
    # spaces and line breaks beside it stay where they are
    secrets = tuple(dict.fromkeys((secret.strip(), secret))) if isinstance(secret, str) else ()
    # the claims table writes values as JSON, then as one-line cells: look for those forms too
    written = [form for s in secrets for form in (s, json.dumps(s, ensure_ascii=False)[1:-1])]
    for value in (*written, *map(table_cell, written), *diagnosis.segments, diagnosis.token):
        if isinstance(value, str) and len(value) >= _MIN_REPLACED_LENGTH:
            text = text.replace(value, REMOVED)
    for secret_text in secrets:  # and any part of it long enough to count as a leak (SECRET_RUN in a row)
        text = remove_secret(text, secret_text, REMOVED)
    for key in _key_values(diagnosis, sdk_key):
        text = text.replace(key, mask_key(key))
    return text
