"""Correct and buggy signatures side by side: aligned steps, marked differences, a verdict per step,
and what happens next with the buggy result (in Web SDK 6.2.0 or at Zoom's server).

Everything here is derived from the two step records and the bug catalogue (lib.mistakes.catalogue), so the
page, the tests and any other caller see the same explanations.
"""

import difflib
import json
import re
from dataclasses import dataclass

from lib.javascript.forum import BuggySteps
from lib.mistakes.buggy_signer import check_bug_ids
from lib.mistakes.catalogue import BROWSER, BUGS, NOBODY, ZOOM_SERVER, platform_failures, thrown_by
from lib.signing.steps import STEPS, SignatureSteps
from lib.zoom.facts import UNDOCUMENTED_ERROR, ZOOM_ERRORS
from lib.zoom.families import FAMILIES, MEETING_NATIVE, MEETING_WEB

STEP_LABELS = {
    "header_json": "Header JSON",
    "payload_json": "Payload JSON",
    "header_b64": "Header segment",
    "payload_b64": "Payload segment",
    "signing_input": "Signing input (header.payload)",
    "hmac_hex": "HMAC-SHA256 (hex)",
    "signature": "Signature segment",
    "token": "Assembled token",
    "returned": "Returned: what join() gets",
}
JSON_STEPS = ("header_json", "payload_json")
NOT_BASE64URL = {"+": "'+' (base64url has '-')", "/": "'/' (base64url has '_')", "=": "'=' padding (JWTs drop it)"}
_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^{}\[\]:,"]+|.', re.DOTALL)  # strings, punctuation, runs
_SHORT_MATCH = 3  # equal runs shorter than this between two changes are coincidence in base64 text


@dataclass(frozen=True)
class Fragment:
    """A piece of one side's text: `changed` pieces are the ones the other side does not have."""

    text: str
    changed: bool


@dataclass(frozen=True)
class StepComparison:
    step: str
    label: str
    correct: str | None
    buggy: str | None
    same: bool
    correct_marked: tuple[Fragment, ...]
    buggy_marked: tuple[Fragment, ...]
    verdict: str  # "same" or "differs because …" (or why the step is missing)
    bug_ids: tuple[str, ...]  # the selected bugs that explain this row
    details: tuple[str, ...]  # claim changes, characters base64url does not allow, …


@dataclass(frozen=True)
class Outcome:
    """The final row: who stops the buggy result, and with which error."""

    caught_by: str  # lib.mistakes.catalogue.BROWSER / ZOOM_SERVER / NOBODY …
    zoom_error: int | None
    message: str
    detail: str
    bug_ids: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    steps: tuple[StepComparison, ...]
    outcome: Outcome
    notes: tuple[str, ...]


def _merge_short_matches(opcodes):
    """Fold tiny equal runs between two changes into one change: in re-encoded text they are coincidence."""
    last = len(opcodes) - 1
    ops = [
        ("replace", *op[1:]) if op[0] == "equal" and 0 < k < last and op[2] - op[1] < _SHORT_MATCH else op
        for k, op in enumerate(opcodes)
    ]
    merged = []
    for op in ops:
        if merged and op[0] != "equal" and merged[-1][0] != "equal":
            previous = merged.pop()
            op = ("replace", previous[1], op[2], previous[3], op[4])
        merged.append(op)
    return merged


def mark_differences(correct: str, buggy: str, *, json_tokens=False):
    """Both texts cut into fragments, the differing ones marked (difflib).

    JSON is compared token by token, so a renamed claim shows as one whole name; encoded text
    character by character, so a '+' against a '-' or a trailing '=' stands out.
    """
    if json_tokens:
        a, b = _JSON_TOKEN.findall(correct), _JSON_TOKEN.findall(buggy)
    else:
        a, b = list(correct), list(buggy)
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    if not json_tokens:
        opcodes = _merge_short_matches(opcodes)
    correct_marked, buggy_marked = [], []
    for tag, i1, i2, j1, j2 in opcodes:
        # An empty changed fragment marks the place where the other side has text and this one none.
        if i2 > i1 or tag == "insert":
            correct_marked.append(Fragment("".join(a[i1:i2]), tag != "equal"))
        if j2 > j1 or tag == "delete":
            buggy_marked.append(Fragment("".join(b[j1:j2]), tag != "equal"))
    return tuple(correct_marked), tuple(buggy_marked)


def claim_changes(correct_json: str, buggy_json: str) -> list[str]:
    """What differs between two payloads, claim by claim ("claim mn is missing", "role: 0 → 1")."""
    try:
        before, after = json.loads(correct_json), json.loads(buggy_json)
    except (TypeError, ValueError):
        return []
    if not (isinstance(before, dict) and isinstance(after, dict)):
        return []
    changes = [f"claim {name} is missing" for name in before if name not in after]
    changes += [f"claim {name} is added" for name in after if name not in before]
    changes += [
        f"{name}: {json.dumps(before[name], ensure_ascii=False)} → {json.dumps(after[name], ensure_ascii=False)}"
        for name in before
        if name in after and (before[name] != after[name] or type(before[name]) is not type(after[name]))
    ]
    return changes


def encoding_details(step: str, text: str) -> list[str]:
    """Characters a JWT segment may not contain, and a result that is not a three-part token."""
    details = []
    if step in ("header_b64", "payload_b64", "signature", "token", "returned"):
        found = [why for char, why in NOT_BASE64URL.items() if char in text]
        if found:
            details.append("contains " + ", ".join(found))
    if step == "returned" and text.count(".") != 2:
        details.append("not a token: join() needs header.payload.signature")
    return details


def _titles(bug_ids):
    return "; ".join(BUGS[i].title for i in bug_ids)


def _verdict(step, differing, buggy, selected):
    """One line saying why this step matches or not, naming the bugs.

    A bug is the direct cause at the first of its rows that differs; further down it is carried over.
    """
    involved = tuple(i for i in BUGS if i in selected and step in BUGS[i].steps)
    if getattr(buggy, step) is None:
        if "legacy_format" in selected and step in ("header_json", "header_b64"):
            return "not part of the legacy format: it has no header", involved
        return f"never computed: {buggy.failed_at} threw {buggy.error.name}: {buggy.error.message}", involved
    if step not in differing:
        if involved:
            return f"same — {_titles(involved)} is on, but this input does not show it", involved
        return "same", ()
    direct = tuple(i for i in involved if next(s for s in BUGS[i].steps if s in differing) == step)
    carried = tuple(i for i in involved if i not in direct)
    if direct and carried:
        return f"differs because: {_titles(direct)} — on top of an earlier difference ({_titles(carried)})", involved
    if direct:
        return f"differs because: {_titles(direct)}", involved
    if carried:
        return f"differs because an earlier step differs ({_titles(carried)})", involved
    return "differs, and no selected bug explains it (please report this)", ()


def _refused_without_code(bug_ids) -> tuple[str, ...]:
    """The mistakes Zoom's server refuses with a code no source names; a mistake whose code throws for some inputs
    (the argument shift) reaches the server when it signs."""
    return tuple(
        i
        for i in bug_ids
        if (BUGS[i].caught_by == ZOOM_SERVER or (BUGS[i].caught_by == BROWSER and BUGS[i].throws_at))
        and BUGS[i].zoom_error is None
    )


def _other_sdk_refusal(family: str, effective) -> Outcome | None:
    """For a native Meeting SDK or the Video SDK: what refuses the result and what each platform reports, only where
    the fact base has a source (lib.mistakes.catalogue.platform_failures); None when nothing refuses it."""
    refused = tuple(i for i in effective if BUGS[i].caught_by in (BROWSER, ZOOM_SERVER))
    if not refused:
        return None
    record = FAMILIES[family]
    said = [
        f"{e.platform}: {e.code} {e.name} ({BUGS[i].title})"
        for i in refused
        for e in platform_failures(BUGS[i], family)
    ]
    silent = [BUGS[i].title for i in refused if not platform_failures(BUGS[i], family)]
    if family == MEETING_NATIVE:
        message = f"The {record.title} refuses it ({_titles(refused)}), with {record.refused_as}."
    elif said:
        message = f"The {record.title} refuses it. " + "; ".join(said) + "."
        message += f" Not documented for: {'; '.join(silent)}." if silent else ""
    else:
        message = f"The {record.title} refuses it; what it reports is not documented: {_titles(refused)}."
    return Outcome(ZOOM_SERVER, None, message, "", refused)


def what_happens_next(buggy: BuggySteps, differing_steps, selected, family: str = MEETING_WEB) -> Outcome:
    """The final row, derived from the catalogue: the first place that stops this buggy result. Web SDK codes only for
    the Meeting SDK for web; the other SDKs' answers only where the fact base has a source."""
    effective = tuple(i for i in BUGS if i in selected and (not BUGS[i].steps or set(BUGS[i].steps) & differing_steps))
    if family != MEETING_WEB and not buggy.error:
        if buggy.returned.count(".") < 1 and family != MEETING_NATIVE:  # native: its one result for a bad JWT
            return Outcome(
                ZOOM_SERVER,
                None,
                f"The {FAMILIES[family].title} gets no header.payload.signature token; what it reports is not "
                "documented.",
                "",
                effective,
            )
        refusal = _other_sdk_refusal(family, effective)
        if refusal:
            return refusal
    if buggy.error:
        thrower = thrown_by(buggy.failed_at)
        return Outcome(
            BROWSER,
            None,
            f"The signing code throws {buggy.error.name}: {buggy.error.message} (at {buggy.failed_at}); "
            "join() is never called.",
            BUGS[thrower].symptom if thrower in selected else "No signature is made, so there is nothing to join with.",
            (thrower,) if thrower in selected else (),
        )
    if buggy.returned.count(".") < 1:
        stoppers = tuple(i for i in effective if BUGS[i].caught_by == BROWSER) or effective
        return Outcome(
            BROWSER,
            None,
            "Web SDK 6.2.0 stops in the browser: Component View's join() rejects with TypeError: Cannot read "
            "properties of undefined (reading 'replace'); Client View logs 'please check your signature' and "
            "returns without calling the error callback.",
            BUGS["mac_only"].symptom,
            stoppers,
        )
    stopped = tuple(i for i in effective if BUGS[i].caught_by == BROWSER and not BUGS[i].throws_at)
    if stopped:  # a token the Web SDK reads and refuses (a Video SDK token has no appKey)
        return Outcome(
            BROWSER,
            None,
            f"Web SDK 6.2.0 stops in the browser before anything reaches Zoom: {_titles(stopped)}.",
            " ".join(BUGS[i].symptom for i in stopped),
            stopped,
        )
    errors = {}
    for bug_id in effective:
        code = BUGS[bug_id].zoom_error
        if code is not None:
            errors.setdefault(code, []).append(bug_id)
    refused = _refused_without_code(effective)
    if len(errors) == 1 and not refused:  # every mistake Zoom refuses leads to one documented code
        [(code, ids)] = errors.items()
        reason = ZOOM_ERRORS[code].message.rstrip(".")
        message = f"Zoom's server answers {code} ({reason}) because of: {_titles(ids)}."
        return Outcome(ZOOM_SERVER, code, message, BUGS[ids[0]].symptom, tuple(ids))
    if errors:  # Zoom does not document the order it checks in: several causes, no predicted code
        alone = [f"{code} for {_titles(ids)}" for code, ids in errors.items()]
        alone += [f"no documented code for {_titles(refused)}"] if refused else []
        causes = tuple(i for ids in errors.values() for i in ids) + refused
        message = f"{UNDOCUMENTED_ERROR} for these mistakes together (alone: {'; '.join(alone)})."
        return Outcome(ZOOM_SERVER, None, message, " ".join(BUGS[i].symptom for i in causes), causes)
    if refused:
        return Outcome(
            ZOOM_SERVER,
            None,
            f"{UNDOCUMENTED_ERROR}: {_titles(refused)}.",
            " ".join(BUGS[i].symptom for i in refused),
            refused,
        )
    if effective:  # only the web's sources say its SDK takes such a token (tokenExp left out)
        return Outcome(
            NOBODY,
            None,
            f"join() goes through — nothing stops this: {_titles(effective)}."
            if family == MEETING_WEB
            else f"No source says the {FAMILIES[family].title} refuses it: {_titles(effective)}.",
            " ".join(BUGS[i].symptom for i in effective),
            effective,
        )
    on = tuple(i for i in BUGS if i in selected)
    return Outcome(
        NOBODY,
        None,
        "This input happens to give a valid token." + (f" {_titles(on)} strikes for other inputs." if on else ""),
        "",
        on,
    )


def side_by_side(correct: SignatureSteps, buggy: BuggySteps, bug_ids, family: str = MEETING_WEB) -> Comparison:
    """Align the correct and the buggy steps and explain every difference; `family`: the SDK that joins with it."""
    selected = check_bug_ids(bug_ids)
    # Rows that differ and exist on the buggy side (a missing row is explained on its own).
    differing = [s for s in STEPS if getattr(buggy, s) is not None and getattr(buggy, s) != getattr(correct, s)]
    rows = []
    for step in STEPS:
        correct_text, buggy_text = getattr(correct, step), getattr(buggy, step)
        same = correct_text == buggy_text
        if buggy_text is None:
            correct_marked, buggy_marked = (Fragment(correct_text, True),), ()
        else:
            correct_marked, buggy_marked = mark_differences(correct_text, buggy_text, json_tokens=step in JSON_STEPS)
        verdict, involved = _verdict(step, differing, buggy, selected)
        details = []
        if buggy_text is not None and not same:
            if step == "payload_json":
                details += claim_changes(correct_text, buggy_text)
            details += encoding_details(step, buggy_text)
        rows.append(
            StepComparison(
                step,
                STEP_LABELS[step],
                correct_text,
                buggy_text,
                same,
                correct_marked,
                buggy_marked,
                verdict,
                involved,
                tuple(details),
            )
        )
    changed = {row.step for row in rows if not row.same}
    return Comparison(tuple(rows), what_happens_next(buggy, changed, selected, family), buggy.notes)
