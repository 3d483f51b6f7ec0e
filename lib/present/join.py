"""Join a meeting, without Streamlit: the attempt kept between runs and what the checks before it say."""

import secrets

from lib.join.outcome import Explanation
from lib.join.plan import JoinForm, JoinPlan, plan_join
from lib.present.cards import finding_markdown
from lib.present.display import escape_markdown


def new_attempt(form: JoinForm, now: int) -> dict:
    """The plan, the nonce the meeting frame's answers must carry, and Zoom's last outcome (none yet)."""
    return {"plan": plan_join(form, now), "nonce": secrets.token_urlsafe(12), "outcome": None}


def pre_join_notes(plan: JoinPlan) -> list[tuple[str, str]]:
    """(Streamlit box name, Markdown): the form's problems, the token's errors and warnings, and whether
    the token goes to Zoom."""
    notes = [(problem.severity, f"**{problem.field}** — {escape_markdown(problem.text)}") for problem in plan.problems]
    notes += [
        (finding.severity, finding_markdown(finding.title, finding.message, code=finding.code, fix=finding.fix))
        for finding in plan.diagnosis.findings
        if finding.severity != "info"
    ]
    if plan.blocked:
        stopped = (
            "Not sent to Zoom: fix the errors above. To see what Zoom answers to a token with these mistakes, "
            "tick *Send the token to Zoom even if the checks find mistakes*."
        )
        notes.append(("error", stopped))
    elif plan.token_errors:
        notes.append(("warning", "Sent to Zoom although the checks found mistakes, as you asked."))
    return notes


def outcome_notes(explanation: Explanation) -> list[tuple[str, str]]:
    """(Streamlit element name, Markdown) of Zoom's answer explained: the headline in its box, then why and the fix."""
    notes = [(explanation.severity, escape_markdown(explanation.headline))]
    if explanation.causes:
        notes.append(("markdown", f"**Why:** {escape_markdown(explanation.causes)}"))
    if explanation.fix:
        notes.append(("markdown", f"**Fix:** {escape_markdown(explanation.fix)}"))
    return notes
