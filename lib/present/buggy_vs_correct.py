"""Buggy vs correct, without Streamlit: the signer chosen, the inputs it may use, the comparison it makes,
and the Python that ran. The page only reads its widgets and draws what this returns."""

import dataclasses
from dataclasses import dataclass

from lib.builder.form import FormInput, InputProblem, read_form
from lib.javascript.forum import FORUM_SNIPPET, BuggySteps, cryptojs_key_bytes, forum_generate_signature, js_btoa
from lib.javascript.legacy import legacy_signature
from lib.mistakes.buggy_signer import PRESETS, BugSelectionError, buggy_request, sign_with_bugs
from lib.mistakes.buggy_vs_correct import Comparison, side_by_side
from lib.mistakes.catalogue import BROWSER, BUGS, ZOOM_SERVER
from lib.present.display import escape_markdown
from lib.signing.steps import build_signature_steps
from lib.zoom.facts import DEMO_MEETING_NUMBER, DEMO_SDK_KEY, DEMO_SDK_SECRET
from lib.zoom.families import FAMILIES, MEETING_WEB

CUSTOM = "custom"  # the preset of a free combination of bugs
FORUM_PRESETS = ("forum", "forum_call")  # the presets that run the forum snippet itself (a Meeting SDK web signer)
PRESET_LABELS = {"forum": "The forum snippet", "forum_call": "The forum's call generateSignature(mn, role)"}
PRESET_LABELS |= {bug_id: f"Only: {bug.title}" for bug_id, bug in BUGS.items()}
PRESET_LABELS[CUSTOM] = "Free combination (tick the bugs below)"
DEMO_FORM = FormInput(DEMO_SDK_KEY, DEMO_SDK_SECRET, DEMO_MEETING_NUMBER, 0)


def family_bugs(family: str) -> tuple[str, ...]:
    """The catalogue's mistakes a signer of this family makes, in catalogue order."""
    return tuple(bug_id for bug_id, bug in BUGS.items() if family in bug.families)


def family_presets(family: str) -> tuple[str, ...]:
    """The presets offered for a family, the page's default first: the forum snippet's for the Meeting SDK for web,
    then one per mistake of the family (those first taught for it, such as the Video SDK's own, before the rest),
    and the free combination."""
    forum = FORUM_PRESETS if family == MEETING_WEB else ()
    mistakes = sorted(family_bugs(family), key=lambda bug_id: BUGS[bug_id].families[0] != family)
    return (*forum, *mistakes, CUSTOM)


def preset_ticks(preset: str) -> dict[str, bool] | None:
    """bug id -> ticked, for a preset (it ticks exactly its bugs); None for the free combination."""
    return None if preset == CUSTOM else {bug_id: bug_id in PRESETS[preset].bug_ids for bug_id in BUGS}


def what_happens_heading(family: str) -> str:
    """Who answers in the 'what happens next' row: Web SDK 6.2.0 and Zoom's server, or the family's SDKs."""
    return "Web SDK 6.2.0 and Zoom's server" if family == MEETING_WEB else f"the {FAMILIES[family].title}"


def credentials_for(form: FormInput, selected) -> tuple[FormInput, str | None]:
    """The inputs the comparison may use, and why they were replaced if they were."""
    # A mistake that writes the secret where anyone reads it is shown on the demo credentials, never the user's.
    if not any(BUGS[bug_id].demo_credentials for bug_id in selected) or form.sdk_secret == DEMO_SDK_SECRET:
        return form, None
    note = (
        "Key and secret swapped writes the secret into the token's readable payload, so this comparison uses the "
        "public demo credentials instead of yours."
    )
    return dataclasses.replace(form, sdk_key=DEMO_SDK_KEY, sdk_secret=DEMO_SDK_SECRET), note


@dataclass(frozen=True)
class BuggyComparison:
    problems: list[InputProblem]  # notes on the inputs as read
    comparison: Comparison | None = None  # None when it could not be made (see error)
    # the forum snippet's steps on these inputs (called as the preset says); None for another family than web
    walkthrough: BuggySteps | None = None
    error: str | None = None  # Markdown: why there is no comparison


def compare_signers(form: FormInput, preset: str, selected: tuple[str, ...], now: int) -> BuggyComparison:
    """The correct signer against the buggy one, or why they cannot be compared: bugs that do not combine,
    or text with no UTF-8 form (the message names its position, never the value)."""
    inputs = read_form(form, now)
    family = form.family or MEETING_WEB
    try:
        correct = build_signature_steps(inputs.request)
        chosen = PRESETS.get(preset)
        if chosen is not None and set(chosen.bug_ids) == set(selected):
            buggy = chosen.sign(inputs.request)
        else:
            buggy = sign_with_bugs(inputs.request, selected)
        comparison = side_by_side(correct, buggy, selected, family)
    except BugSelectionError as exc:
        return BuggyComparison(inputs.problems, error=f"{escape_markdown(str(exc))}.")
    except ValueError as exc:
        return BuggyComparison(inputs.problems, error=f"These inputs cannot be signed: {escape_markdown(str(exc))}.")
    if family != MEETING_WEB:  # the forum snippet is a Meeting SDK web signer
        return BuggyComparison(inputs.problems, comparison)
    walkthrough = PRESETS["forum_call" if preset == "forum_call" else "forum"].sign(inputs.request)
    return BuggyComparison(inputs.problems, comparison, walkthrough)


def python_that_ran(preset: str, selected) -> list:
    """The functions whose source the page shows: the forum snippet's, or the catalogue's buggy signer."""
    if preset in FORUM_PRESETS:
        return [forum_generate_signature, js_btoa, cryptojs_key_bytes]
    return [sign_with_bugs, buggy_request] + ([legacy_signature] if "legacy_format" in selected else [])


def outcome_level(outcome) -> str:
    """The box of "what happens next": an error when the browser or Zoom's server refuses, else a warning."""
    return "error" if outcome.caught_by in (BROWSER, ZOOM_SERVER) else "warning"


@dataclass(frozen=True)
class WalkthroughLine:
    js: str  # the forum snippet's line
    markdown: str  # what it does, and what is wrong with it (project Markdown)
    value: str | None  # what it produced on these inputs
    never_ran: str | None  # Markdown, when an earlier line threw


def walkthrough(steps: BuggySteps) -> list[WalkthroughLine]:
    """The forum snippet line by line, with what each line produced for the inputs (FORUM_SNIPPET)."""
    lines = []
    for line in FORUM_SNIPPET:
        text = line.does
        if line.wrong:
            text += f"  \n:material/error: {line.wrong} ({', '.join(BUGS[i].title for i in line.bug_ids)})"
        value = getattr(steps, line.step) if line.step else None
        never_ran = None
        if line.step and value is None and steps.error:
            never_ran = (
                f":material/block: never ran: `{steps.failed_at}` threw {steps.error.name}: {steps.error.message}"
            )
        lines.append(WalkthroughLine(line.js, text, value, never_ran))
    return lines
