"""What the judging pages say about a token's family: which family judged it (stated by the user or worked
out from its claims), and what each platform reports for each error, with the fact base's row that says so
("not documented" where no source does). Plain strings, so the pages only draw them."""

from lib.doctor.findings import FINDING_CODES, Diagnosis
from lib.present.display import markdown_text
from lib.zoom.facts import ZOOM_ERRORS
from lib.zoom.families import FAMILIES, MEETING_NATIVE, SDK_FAMILIES, VIDEO

VIDEO_SDK = FAMILIES[VIDEO].sdk  # the `sdk` hint that names the Video SDK

FACT_BASE = "docs/zoom-signature-facts.md"
NOT_DOCUMENTED = "Predicted platform error: not documented (no source says which error this mistake gives)."
IN_DOUBT = "Predicted platform error: none while the secret typed here is in doubt (see the verdict)."
STATED, WORKED_OUT = "as you stated", "worked out from its claims"
NO_FAMILY = "**Token family:** none (not a JWT)."
# The Video SDK's session name field, the same on every page that judges a token.
SESSION_NAME_LABEL = "Session name passed to join() (optional: Video SDK)"
SESSION_NAME_HELP = "The Video SDK joins the session the token's tpc names (ignoring case): give the name to check it."


def asks_session_name(sdk: str | None) -> bool:
    """The session name can matter: the user said the Video SDK joins, or said nothing (it may be a Video SDK
    token)."""
    return sdk in (None, VIDEO_SDK)


def asks_meeting(sdk: str | None) -> bool:
    """The meeting's number and host can matter: any choice but the Video SDK (which joins sessions)."""
    return sdk != VIDEO_SDK


def family_sentence(token_family: str | None, sdk: str | None, lead: str = "Token family") -> str | None:
    """'Token family: Video SDK (worked out from its claims)'; None when the text is no SDK token."""
    if token_family is None:
        return None
    how = STATED if sdk is not None and SDK_FAMILIES[sdk] == token_family else WORKED_OUT
    sentence = f"**{lead}:** {FAMILIES[token_family].title} ({how})"
    if sdk is not None and how == WORKED_OUT:
        sentence += f"; you said the {FAMILIES[SDK_FAMILIES[sdk]].title} joins with it"
    return sentence + "."


def _error_text(platform: str, code, name: str, source: str) -> str:
    return f"{platform}: {code} {name} (source: `{source}` in {FACT_BASE})"


def predicted_errors(diagnosis: Diagnosis, code: str) -> list[str]:
    """What each platform reports for the error-level finding `code`, with its source; [] where none says.
    Web SDK codes (each rule's, lib.zoom.rules) for a Meeting SDK for web token, the family's table
    (lib.zoom.families) for a Video SDK token; nothing while the secret typed is in doubt."""
    if diagnosis.secret_in_doubt:
        return []
    if diagnosis.token_family == VIDEO:
        return [
            _error_text(e["platform"], e["code"], e["name"], e["source"])
            for e in diagnosis.platform_errors
            if e["finding"] == code
        ]
    if diagnosis.token_family == MEETING_NATIVE:
        return []  # one auth result for any bad JWT: which mistake gives it is not documented
    known = FINDING_CODES[code]
    if not known.zoom_error:
        return []
    message = f"“{ZOOM_ERRORS[known.zoom_error].message}”"
    return [_error_text("Meeting SDK for web", known.zoom_error, message, known.zoom_error_source)]


def prediction_note(diagnosis: Diagnosis, finding) -> str | None:
    """The line under an error's card: the platform errors it predicts with their sources, or 'not documented'
    (None for a warning or an info: they fail no join)."""
    if finding.severity != "error":
        return None
    if diagnosis.secret_in_doubt:
        return IN_DOUBT
    errors = predicted_errors(diagnosis, finding.code)
    if not errors:
        return NOT_DOCUMENTED
    return "Predicted platform error: " + "; ".join(errors) + "."


def findings_with_predictions(diagnosis: Diagnosis) -> str:
    """The errors and warnings as a Markdown list, each error with the platform errors it predicts."""
    lines = []
    for finding in diagnosis.findings:
        if finding.severity == "info":
            continue
        lines.append(f"- **{finding.severity}** `{finding.code}`: {markdown_text(finding.title)}")
        if note := prediction_note(diagnosis, finding):
            lines.append(f"  - {note}")
    return "\n".join(lines)
