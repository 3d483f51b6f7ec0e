"""Trainer mode: a ready-made 45-minute session, its presenter steps, and a printable handout.

The agenda says what to show, on which page, for how many minutes; the presenter view reveals each
block's points one at a time. The handout is a seeded exercise set (lib.training.exercises) in Markdown, with
the answers after a page break so the first pages can be handed out alone.
"""

import string
import textwrap
from dataclasses import dataclass

from lib.mistakes.catalogue import BUGS
from lib.training.exercises import DEFAULT_SEED, DIFFICULTIES, SET_SIZE, Exercise, corrected_code, exercise_set
from lib.zoom.facts import MAX_LIFETIME_SECONDS, MIN_LIFETIME_SECONDS, ROLE_LABELS
from lib.zoom.families import FAMILIES, MEETING_WEB

SESSION_MINUTES = 45
PAGE_BREAK = '<div style="page-break-before: always"></div>'
AGENDA_DIFFICULTY = "medium"


@dataclass(frozen=True)
class AgendaBlock:
    minutes: int
    title: str
    page: str | None  # url_path of the page to show (lib.navigation.PAGES), or None
    points: tuple[str, ...]  # revealed one at a time in the presenter view


AGENDA = (
    AgendaBlock(
        3,
        "Why signatures fail",
        None,
        (
            'Web SDK error 3712: "Signature is invalid"',
            "Zoom says that the token is wrong, never why",
            f"Today: how a token is made, {len(BUGS)} classic mistakes, and how to spot each one",
        ),
    ),
    AgendaBlock(
        7,
        "A signature is a JWT",
        "lessons",
        (
            "header.payload.signature: three base64url parts joined by dots",
            "Header and payload are readable by anyone; only the signature needs the secret",
            "Sign one live in the Signature builder, then open the Lessons with your own inputs",
        ),
    ),
    AgendaBlock(
        5,
        "base64url and HMAC",
        "lessons",
        (
            "btoa writes '+', '/' and '='; a JWT needs '-', '_' and no padding",
            "HMAC-SHA256 over header.payload, keyed with the secret: one changed byte changes all 32",
            "Only your server may hold the secret",
        ),
    ),
    AgendaBlock(
        5,
        "The claims and their bounds",
        "lessons",
        (
            "appKey: the Client ID of a Meeting SDK app",
            "mn: digits only, the same number you pass to join()",
            "role: " + ", ".join(ROLE_LABELS.values()),
            f"iat and exp in seconds; exp − iat between {MIN_LIFETIME_SECONDS} and {MAX_LIFETIME_SECONDS}",
        ),
    ),
    AgendaBlock(
        8,
        "The forum snippet, line by line",
        "buggy-vs-correct",
        (
            "A real forum post: one short function, six mistakes",
            "Switch them on one at a time and watch which step changes",
            "Who catches each one: the browser, Zoom's server, or nobody?",
        ),
    ),
    AgendaBlock(
        12,
        "Find the bug",
        "find-the-bug",
        (
            f"Open Find the bug: seed {DEFAULT_SEED}, {AGENDA_DIFFICULTY}",
            "For each exercise pick the cause and the fix",
            "Compare scores, then go through the ones most of the room missed",
        ),
    ),
    AgendaBlock(
        5,
        "Wrap-up",
        None,
        (
            "Sign on the server, with a JWT library",
            "When Zoom says 3712: compare your steps with the builder's, one by one",
            "The handout's last page has the answers",
        ),
    ),
)


@dataclass(frozen=True)
class PresenterSlide:
    block: int  # index into the agenda
    revealed: int  # how many of the block's points are shown (0: only its title)
    start_minute: int  # minutes into the session when the block starts


def presenter_slides(agenda=AGENDA) -> tuple[PresenterSlide, ...]:
    """Every slide of the presenter view: each block's title alone, then one more point per slide."""
    slides, start = [], 0
    for index, block in enumerate(agenda):
        slides += [PresenterSlide(index, revealed, start) for revealed in range(len(block.points) + 1)]
        start += block.minutes
    return tuple(slides)


# ------------------------------------------------------------------------------------------ the handout


def _letters(options):
    return dict(zip(options, string.ascii_uppercase, strict=False))


def _question(exercise: Exercise) -> str:
    causes, fixes = _letters(exercise.cause_options), _letters(exercise.fix_options)
    count = len(exercise.bug_ids)
    lines = [f"## Exercise {exercise.number}", "", exercise.task, ""]
    fence = "" if exercise.kind == "token" else exercise.language
    lines += [f"```{fence}", exercise.shown, "```", ""]
    if exercise.decoded:
        lines += ["Decoded header and payload:", "", "```json", exercise.decoded, "```", ""]
    lines += [f"- {line}" for line in exercise.context] + [""]
    lines += ["**Cause** — tick " + ("both" if count > 1 else "one") + ":", ""]
    lines += [f"- [ ] {causes[i]}. {BUGS[i].title}" for i in exercise.cause_options] + [""]
    lines += ["**Fix** — tick " + ("both" if count > 1 else "one") + ":", ""]
    lines += [f"- [ ] {fixes[i].lower()}. {BUGS[i].fix}" for i in exercise.fix_options] + [""]
    return "\n".join(lines)


def _answer(exercise: Exercise) -> str:
    causes, fixes = _letters(exercise.cause_options), _letters(exercise.fix_options)
    lines = [f"### Exercise {exercise.number}", ""]
    cause_letters = ", ".join(sorted(causes[i] for i in exercise.bug_ids))
    fix_letters = ", ".join(sorted(fixes[i].lower() for i in exercise.bug_ids))
    lines += [f"Cause: **{cause_letters}** · Fix: **{fix_letters}**", ""]
    for bug_id in exercise.bug_ids:
        bug = BUGS[bug_id]
        lines += [f"- **{bug.title}.** {bug.why} *Fix:* {bug.fix}"]
        corrected = corrected_code(exercise, bug_id) if exercise.kind == "code" else None
        if corrected:
            lines += ["", f"  ```{corrected[0]}", textwrap.indent(corrected[1], "  "), "  ```", ""]
    return "\n".join(lines + [""])


def handout_file_name(seed: int, difficulty: str, family: str = MEETING_WEB, size: int | None = None) -> str:
    """The handout's file name: the seed, the difficulty, the SDK (for a set other than the web's, whose names stay
    as they were) and a class's number of exercises."""
    parts = [f"find-the-bug-seed-{seed}", difficulty]
    if family != MEETING_WEB:
        parts.append(FAMILIES[family].sdk)
    if size is not None:
        parts.append(str(size))
    return "-".join(parts) + ".md"


def handout_markdown(seed: int, difficulty: str, size: int = SET_SIZE, family: str = MEETING_WEB) -> str:
    """A seeded exercise set of one SDK (token family) as a printable Markdown handout; the answers follow a page
    break."""
    exercises = exercise_set(seed, difficulty, size, family)
    label = DIFFICULTIES[difficulty].label
    sdk = FAMILIES[family].title
    parts = [
        f"# Find the bug — seed {seed}, {difficulty}, {sdk}",
        "",
        f"{label}. Exercises for the {sdk}. The same set opens in Signature Lab's *Find the bug* page with seed "
        f"{seed}, this difficulty and *Which SDK?* set to {sdk}.",
        "",
        *(_question(exercise) for exercise in exercises),
        "---",
        "",
        PAGE_BREAK,
        "",
        "## Answers",
        "",
        *(_answer(exercise) for exercise in exercises),
    ]
    return "\n".join(parts)
