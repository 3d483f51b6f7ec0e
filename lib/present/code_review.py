"""The Code doctor's page, without Streamlit: the report (secrets masked, safe to post on a forum), the
verdict's level, and the sandboxed run prepared and explained."""

import uuid
from dataclasses import dataclass

from lib.doctor.diagnosis import diagnose
from lib.doctor.findings import Diagnosis
from lib.present.display import markdown_text
from lib.present.family import family_sentence
from lib.present.redaction import code_span, table_cell
from lib.review import Review
from lib.review.runnable import runnable_review
from lib.review.sandbox import TIMEOUT_SECONDS, RunResult, sandbox_document
from lib.review.syntax import GRAMMARS
from lib.zoom.facts import DEMO_SDK_KEY, DEMO_SDK_SECRET


def review_report(review: Review, sdk: str | None = None) -> str:
    """Markdown: verdict, the token family the code signs, the findings by line, and the reviewed code. The code
    is the masked text; `sdk` is the SDK the user said the code is for (None: worked out from the code)."""
    label = GRAMMARS[review.language].label
    lines = [
        "# Zoom Meeting SDK signing code: review",
        "",
        f"- **Language:** {label}",
        f"- **Verdict:** {review.verdict}",
    ]
    if family := family_sentence(review.token_family, sdk, "Token family it signs"):
        lines.append(f"- {family}")
    if review.secrets_masked:
        lines.append(
            f"- **Secrets masked:** {review.secrets_masked} secret literal(s) were replaced by • below. "
            "The secret was in the code: rotate it in the Zoom App Marketplace."
        )
    if review.findings:
        lines += ["", "| line | severity | finding | code | fix |", "|---|---|---|---|---|"]
        for finding in review.findings:
            lines.append(
                f"| {finding.line}:{finding.column} | {finding.severity} | {table_cell(finding.title)}: "
                f"{table_cell(finding.message)} | {code_span(finding.code)} | {table_cell(finding.fix)} |"
            )
    fence = "```"
    while fence in review.masked_text:
        fence += "`"
    lines += ["", "## The code", "", f"{fence}{review.language}", review.masked_text, fence, ""]
    return "\n".join(lines)


def review_level(review: Review) -> str:
    """The verdict's box: the worst finding's severity, success when clean, info when nothing was recognised."""
    return review.worst_severity or ("success" if review.recognised else "info")


def prepare_run(review: Review, now: int) -> dict:
    """The sandboxed run of the reviewed code: the frame's document, its nonce and the parameters it fills
    with null. Raises NotRunnable or LibrariesMissing (their messages say why)."""
    run = runnable_review(review)
    nonce = uuid.uuid4().hex
    return {
        "nonce": nonce,
        "now": now,
        "document": sandbox_document(run, nonce=nonce, now=now),
        "unknown": ", ".join(f"`{name}`" for name in run.unknown_parameters),
        "result": None,
    }


@dataclass(frozen=True)
class RunExplanation:
    notes: tuple[tuple[str, str], ...]  # (Streamlit box name, Markdown), in order
    diagnosis: Diagnosis | None = None  # what the Token doctor says of the returned value, if it returned one


def explain_run(result: RunResult, unknown: str, now: int) -> RunExplanation:
    """What the sandboxed run means: what stopped it, or the Token doctor's diagnosis of what it returned
    (signed with the demo credentials the sandbox passed in)."""
    notes = []
    if result.top_level and not result.limit:
        notes.append(
            ("info", f"While loading, its top level threw {result.top_level} (the function was called anyway).")
        )
    if result.unset:
        names = ", ".join(f"`process.env.{name}`" for name in result.unset)
        notes.append(
            ("info", f"It read {names}, which the sandbox leaves unset (it sets only the demo key and secret).")
        )
    if result.status == "timeout":
        stopped = (
            f"Stopped after {TIMEOUT_SECONDS} s: your code did not finish (an endless loop, or a promise "
            "that never settles). Nothing else was affected."
        )
        return RunExplanation((*notes, ("error", stopped)))
    if result.limit:
        limit = (
            f"Not run to the end: {markdown_text(result.limit)}. This is a limit of the sandbox, not a "
            "finding about your code; the static review above still applies. Run the signer on your server "
            "and paste the token it returns into the Token doctor."
        )
        return RunExplanation((*notes, ("warning", limit)))
    if result.status == "no_function":
        return RunExplanation(
            (*notes, ("warning", "The function could not be found after the code loaded: see the error above."))
        )
    if result.status == "threw" and unknown:
        threw = (
            f"Your function threw `{result.error}`, but the sandbox passed `null` for "
            f"{unknown} (it fills parameters by their names: key, secret, meeting number, "
            "role, request, response), so the error may come from that rather than from your code."
        )
        return RunExplanation((*notes, ("warning", threw)))
    if result.status == "threw":
        threw = f"Your function threw `{result.error}`: this is what join() would get instead of a token."
        return RunExplanation((*notes, ("error", threw)))
    return RunExplanation(tuple(notes), diagnose(result.value, secret=DEMO_SDK_SECRET, sdk_key=DEMO_SDK_KEY, now=now))
