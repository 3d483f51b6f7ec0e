"""Join a meeting, without Streamlit: the attempt kept between runs and what the checks before it say."""

import secrets

from lib import widget_keys
from lib.join.outcome import Explanation
from lib.join.plan import JoinForm, JoinPlan, plan_join
from lib.present.cards import finding_markdown
from lib.present.display import escape_markdown
from lib.zoom.families import FAMILIES, MEETING_NATIVE, MEETING_WEB, VIDEO, family_of


def new_attempt(form: JoinForm, now: int) -> dict:
    """The plan, the nonce the meeting frame's answers must carry, and Zoom's last outcome (none yet)."""
    return {"plan": plan_join(form, now), "nonce": secrets.token_urlsafe(12), "outcome": None}


def pre_join_notes(plan: JoinPlan) -> list[tuple[str, str]]:
    """(Streamlit box name, Markdown): the form's problems, the token's errors and warnings, and whether
    the token goes to Zoom. A token of another kind gets only the stop that says what it is: the claim checks
    judge it as what it is not (an OAuth token told to add mn), and the Token doctor has them for a Video SDK
    token."""
    notes = [(problem.severity, f"**{problem.field}** — {escape_markdown(problem.text)}") for problem in plan.problems]
    notes += family_notes(plan)
    if plan.other_kind:
        return [*notes, ("error", _other_kind_note(plan.other_kind))]
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


def _other_kind_note(finding) -> str:
    """The stop for a token of another kind: what it is, where it belongs (the finding's fix), and why not even
    *send anyway* sends it."""
    web = FAMILIES[MEETING_WEB].title
    never = (
        f"This page joins meetings with the {web} only: a token of another kind cannot join one, and some (OAuth "
        "access tokens, ZAKs) are credentials, so the page neither sends it to Zoom nor puts it into the page, not "
        "even with *Send the token to Zoom even if the checks find mistakes*."
    )
    title = f"Not sent to Zoom: {finding.title[0].lower()}{finding.title[1:]}"
    return finding_markdown(title, finding.message, code=finding.code, fix=finding.fix, notes=(never,))


def family_notes(plan: JoinPlan) -> list[tuple[str, str]]:
    """What the page says of a token of another family than the Meeting SDK for web's, the only SDK it joins
    with: a Video SDK token belongs to the Video SDK's join (and where to check it), a native one lacks mn and
    role (the errors above say so in the rule book's words)."""
    web = FAMILIES[MEETING_WEB].title
    if plan.diagnosis.token_family == VIDEO:
        return [
            (
                "error",
                f"**A Video SDK token:** it belongs to the Video SDK's join() (a session, not a meeting); this page "
                f"joins meetings with the {web} only. Check it in the Token doctor with *Which SDK joins with this "
                "token?* set to *Video SDK*.",
            )
        ]
    payload = plan.diagnosis.payload
    if isinstance(payload, dict) and plan.diagnosis.token_family and family_of(payload) == MEETING_NATIVE:
        native = FAMILIES[MEETING_NATIVE].title
        return [
            (
                "info",
                f"**A token of the {native}:** they need no mn and no role, but this page joins with the {web}, "
                "which needs both (the errors above).",
            )
        ]
    return []


def token_doctor_state(plan: JoinPlan, token: str) -> dict:
    """What the Token doctor opens with: the token, judged for the SDK it is for here (the Meeting SDK for web,
    or the Video SDK for a Video SDK token: its own SDK, which this page does not join with)."""
    sdk = FAMILIES[VIDEO].sdk if plan.diagnosis.token_family == VIDEO else FAMILIES[MEETING_WEB].sdk
    return {widget_keys.SHARED_TOKEN: token, widget_keys.INSPECTOR["sdk"]: sdk}


def stopped_token_doctor_state(plan: JoinPlan) -> dict | None:
    """What the Token doctor opens with for a token stopped here, or None: none for a token of no SDK's family (an
    OAuth access token, a ZAK, ...), which may be a credential and is not handed on to another page."""
    token = plan.diagnosis.token
    if not plan.blocked or not token or (plan.other_kind and plan.diagnosis.token_family is None):
        return None
    return token_doctor_state(plan, token)


def outcome_notes(explanation: Explanation) -> list[tuple[str, str]]:
    """(Streamlit element name, Markdown) of Zoom's answer explained: the headline in its box, then why and the fix."""
    notes = [(explanation.severity, escape_markdown(explanation.headline))]
    if explanation.causes:
        notes.append(("markdown", f"**Why:** {escape_markdown(explanation.causes)}"))
    if explanation.fix:
        notes.append(("markdown", f"**Fix:** {escape_markdown(explanation.fix)}"))
    return notes
