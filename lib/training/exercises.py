"""'Find the bug': exercises drawn from the bug catalogue, their grading, and a learner's results.

A set is fixed by its seed and difficulty: everything random is drawn from one random.Random made
from them (no global random state, no clock), so a trainer can give a room "seed 42" and every
learner, and the printed handout, gets the same exercises.

An exercise shows either a whole signer with the mistakes written into it (lib.training.signers: the mistakes
among correct lines, in a language the level allows) or the value a buggy signer
(lib.mistakes.buggy_signer.sign_with_bugs) handed to join(). A token is only used when the token doctor
(lib.doctor.diagnosis.diagnose), given exactly what the learner is told, finds exactly the hidden mistakes; a
signer is only drawn in a language where tests/test_exercise_signers.py proves its code makes the token (or throws
the error) "What happens" describes, and the code doctor finds exactly its mistakes.
"""

import itertools
import json
import random
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from lib.doctor.diagnosis import diagnose
from lib.doctor.findings import FINDING_CODES
from lib.mistakes.buggy_signer import sign_with_bugs
from lib.mistakes.catalogue import BUGS, EXCLUSIVE, FINDING_BUGS, NOBODY, ZOOM_SERVER, Bug, other_sdk_mistake
from lib.signing.jsjson import json_stringify
from lib.signing.steps import SignatureRequest
from lib.training.scoring import POINTS_PER_EXERCISE, judge
from lib.training.signers import KEY_VARIABLE, PUBLIC_SECRET_VARIABLE, SECRET_FILE, SIGNERS
from lib.zoom.facts import (
    DEFAULT_LIFETIME_SECONDS,
    DEMO_MEETING_NUMBER,
    DEMO_SDK_KEY,
    DEMO_SDK_SECRET,
    UNDOCUMENTED_ERROR,
    ZOOM_ERRORS,
)
from lib.zoom.families import FAMILIES, MEETING_NATIVE, MEETING_WEB, SDK_FAMILIES, VIDEO
from lib.zoom.rules import RULES

DEFAULT_SEED = 42
SET_SIZE = 6
EXERCISE_EPOCH = 1767225600  # 2026-01-01 00:00 UTC: the exercises' clock starts here, not at the real now
_YEAR_SECONDS = 365 * 86400
_TOKEN_ATTEMPTS = 8  # tries at inputs that make the hidden mistakes readable in a token
_ROLES_JOINING = {True: "the host, with the host's ZAK", False: "a participant"}
_VIDEO_ROLES_JOINING = {True: "the host", False: "a participant"}
# The Video SDK sets' sessions: names with a space, as people name them.
SESSION_NAMES = ("Team Standup", "Office Hours", "Physics 101", "Support Call", "Weekly Review")
TOKEN_SHARE = 0.5  # at a level with tokens: how often a mistake that a token can show is shown as one
SERVER_UPTIME_DAYS = 8  # the code exercises' server has been signing since then (longer than any lifetime)
FIRST_LANGUAGES = ("javascript", "typescript", "python")
# Every code exercise signs this request, so that tests can run every signer the sets can show with exactly it.
CODE_JOIN_TIME = EXERCISE_EPOCH + 60 * 86400 + 9 * 3600 + 30 * 60  # 2026-03-02 09:30 UTC
CODE_REQUEST = SignatureRequest(
    DEMO_SDK_KEY, DEMO_SDK_SECRET, DEMO_MEETING_NUMBER, 0, CODE_JOIN_TIME, CODE_JOIN_TIME + DEFAULT_LIFETIME_SECONDS
)


@dataclass(frozen=True)
class Difficulty:
    key: str
    label: str
    mistakes: int  # hidden in each exercise
    options: int  # causes (and fixes) to choose from
    tokens: bool  # whether an exercise may show a token instead of code
    languages: tuple[str, ...]  # the signers' languages (lib.training.signers.SIGNERS) an exercise may show


DIFFICULTIES = {
    "easy": Difficulty(
        "easy", "Easy: one mistake in a signer (JavaScript, TypeScript or Python)", 1, 4, False, FIRST_LANGUAGES
    ),
    "medium": Difficulty("medium", "Medium: one mistake, in a token or a signer", 1, 5, True, FIRST_LANGUAGES),
    "hard": Difficulty(
        "hard", "Hard: two mistakes, in a token or a signer in one of seven languages", 2, 6, True, tuple(SIGNERS)
    ),
}


@dataclass(frozen=True)
class Join:
    """What the learner is told about the join a token exercise's token was made for: a meeting joined with the
    Meeting SDK for web, a native app's Meeting SDK initialised with it (family native), or (session_name given) a
    session joined with the Video SDK."""

    sdk_key: str
    meeting_number: str
    now: int  # Zoom's clock at the join
    host: bool
    session_name: str = ""  # the Video SDK's session joined; "" for a meeting
    family: str = MEETING_WEB  # which SDK joins: its sets' family (a Video SDK join: session_name given)

    def lines(self) -> tuple[str, ...]:
        if self.session_name:
            where = f"You join session `{self.session_name}` with the Video SDK as {_VIDEO_ROLES_JOINING[self.host]}."
        elif self.family == MEETING_NATIVE:
            where = (
                "Your native app (Android, iOS, Windows, macOS or Linux) authenticates the Meeting SDK with this "
                "token, then joins a meeting."
            )
        else:
            where = f"You join meeting `{self.meeting_number}` as {_ROLES_JOINING[self.host]}."
        return (
            f"Your app's SDK key (Client ID): `{self.sdk_key}`",
            where,
            f"Zoom's clock at the join: {datetime.fromtimestamp(self.now, UTC):%Y-%m-%d %H:%M:%S} UTC "
            f"(epoch `{self.now}`).",
        )

    def diagnose(self, token: str, secret=None):
        """The Token doctor's diagnosis of the token, given exactly what the learner is told (and the secret)."""
        if self.session_name:
            return diagnose(
                token, secret=secret, sdk_key=self.sdk_key, now=self.now, sdk="video", session_name=self.session_name
            )
        if self.family == MEETING_NATIVE:
            return diagnose(token, secret=secret, sdk_key=self.sdk_key, now=self.now, sdk="native")
        return diagnose(
            token, secret=secret, sdk_key=self.sdk_key, meeting_number=self.meeting_number, now=self.now, host=self.host
        )


@dataclass(frozen=True)
class Exercise:
    seed: int
    difficulty: str
    number: int  # 1-based within its set
    kind: str  # "code" or "token"
    bug_ids: tuple[str, ...]  # the hidden mistakes: the answer
    shown: str  # the code, or the value handed to join()
    language: str | None  # of the code; None for a token
    decoded: str | None  # for a token: its header and payload JSON, when they can be read
    join: Join | None  # for a token: the join it was made for
    context: tuple[str, ...]  # what the learner knows besides what is shown (Markdown)
    cause_options: tuple[str, ...]  # catalogue ids in the order offered
    fix_options: tuple[str, ...]  # the same ids in another order, offered by their fix
    family: str = MEETING_WEB  # the token family of the set (lib.zoom.families)

    @property
    def id(self) -> str:
        """Unique within a session and safe in a widget key."""
        prefix = "" if self.family == MEETING_WEB else f"{self.family}_"
        return f"{prefix}{self.difficulty}_{self.seed}_{self.number}"

    @property
    def task(self) -> str:
        """The sentence that sets the exercise: how many mistakes hide in what."""
        count = len(self.bug_ids)
        what = "this token" if self.kind == "token" else f"this signer ({SIGNERS[self.language].label})"
        return f"{count} mistake{'s hide' if count > 1 else ' hides'} in {what}."


def only_recommended(bug: Bug, family: str = MEETING_WEB) -> bool:
    """Nothing refuses it and the rule book finds no more than a recommendation in it (tokenExp left out: the Web SDK
    does not need it). Such a mistake is never the answer of a web or Video SDK exercise, nor one of its options. A
    native set keeps it: every native payload Zoom publishes carries tokenExp and Zoom's native auth page sets its
    minimum, so leaving it out is a native signer's mistake, though no source shows a native SDK refusing it
    (docs/zoom-signature-facts.md, the Meeting SDK for native apps)."""
    codes = [entry.partition("@")[0] for entry in bug.found_by]
    return (
        family != MEETING_NATIVE
        and bug.caught_by == NOBODY
        and bool(codes)
        and all(code in RULES and RULES[code].severity != "error" for code in codes)
    )


def named_in_a_set(bug: Bug, family: str) -> bool:
    """Whether an exercise of this family's sets can name the mistake: a signer writes it (the signers are the
    Meeting SDK for web's), or the Token doctor names it from a token, given what the learner is told (the SDK only
    in the Video SDK's sets, so another SDK's token is named there alone)."""
    if family == MEETING_WEB and any(bug.id in signer.mistakes for signer in SIGNERS.values()):
        return True
    codes = {(code, step or None) for code, _, step in (entry.partition("@") for entry in bug.found_by)}
    if any(FINDING_BUGS.get(code) == bug.id for code in codes):
        return True
    return family != MEETING_WEB and other_sdk_mistake(family) == bug.id


def exercise_mistakes(family: str = MEETING_WEB) -> tuple[str, ...]:
    """The mistakes a set of this family draws from: those its signers make, that an exercise can name, and that are
    more than a recommendation."""
    return tuple(
        bug_id
        for bug_id, bug in BUGS.items()
        if family in bug.families and not only_recommended(bug, family) and named_in_a_set(bug, family)
    )


EXERCISE_MISTAKES = exercise_mistakes()
# The families with exercise sets: the native Meeting SDK's and the Video SDK's are token exercises only (the signers
# of lib.training.signers are the Meeting SDK for web's).
EXERCISE_FAMILIES = (MEETING_WEB, MEETING_NATIVE, VIDEO)
# The same as the `sdk` hints of ui.family.family_selector, in its order: what Find the bug and the Trainer offer.
EXERCISE_SDKS = tuple(sdk for sdk, family in SDK_FAMILIES.items() if family in EXERCISE_FAMILIES)


def exercise_pool(difficulty: str, family: str = MEETING_WEB) -> tuple[tuple[str, ...], ...]:
    """Every combination of mistakes a set of this difficulty may draw (one is skipped when neither a token nor a
    signer can show it)."""
    level = DIFFICULTIES[difficulty]
    return tuple(
        combination
        for combination in itertools.combinations(exercise_mistakes(family), level.mistakes)
        if not any(group <= set(combination) for group in EXCLUSIVE)
    )


def code_languages(level: Difficulty, bug_ids) -> list[str]:
    """The languages of this level whose signer can show exactly these mistakes."""
    return [language for language in level.languages if SIGNERS[language].with_mistakes(bug_ids) is not None]


def exercise_set(seed: int, difficulty: str, size: int = SET_SIZE, family: str = MEETING_WEB) -> tuple[Exercise, ...]:
    """The set for this seed, difficulty and token family: the same on every call, machine and Python run. The
    Meeting SDK for web's sets are the ones the seeds always gave; a Video SDK set shows tokens at every level."""
    level = DIFFICULTIES[difficulty]
    # a str seed is hashed with SHA-512: stable across runs
    rng = random.Random(f"{difficulty}:{seed}" if family == MEETING_WEB else f"{family}:{difficulty}:{seed}")
    pool = exercise_pool(difficulty, family)
    exercises = []
    for bug_ids in rng.sample(pool, len(pool)):
        if len(exercises) == size:
            break
        exercise = build_exercise(seed, level, len(exercises) + 1, bug_ids, rng, family)
        if exercise is not None:
            exercises.append(exercise)
    return tuple(exercises)


def build_exercise(
    seed: int, level: Difficulty, number: int, bug_ids: tuple[str, ...], rng: random.Random, family: str = MEETING_WEB
) -> Exercise | None:
    """The exercise hiding these mistakes, or None when neither a token nor a signer of this level shows them."""
    if family != MEETING_WEB:
        return _family_exercise(seed, level, number, bug_ids, rng, family)
    languages = code_languages(level, bug_ids)
    token = None
    if level.tokens and (not languages or rng.random() < TOKEN_SHARE):
        token = _token_evidence(bug_ids, rng)
    if token is not None:
        kind, language = "token", None
        shown, decoded, join, happens = token
        context = (*join.lines(), f"What happens: {happens}")
    elif languages:
        kind, decoded, join = "code", None, None
        language = rng.choice(languages)
        shown = SIGNERS[language].with_mistakes(bug_ids)
        context = (*code_inputs(CODE_REQUEST, shown), f"What happens: {signer_outcome(language, bug_ids)}")
    else:
        return None
    causes, fixes = _options(bug_ids, level, rng, MEETING_WEB)
    return Exercise(seed, level.key, number, kind, bug_ids, shown, language, decoded, join, context, causes, fixes)


def _options(bug_ids, level: Difficulty, rng: random.Random, family: str):
    """The causes offered (the answer among others of the family's sets) and the same in another order for the fixes."""
    others = [bug_id for bug_id in exercise_mistakes(family) if bug_id not in bug_ids]
    causes = list(bug_ids) + rng.sample(others, level.options - len(bug_ids))
    rng.shuffle(causes)
    fixes = rng.sample(causes, len(causes))
    return tuple(causes), tuple(fixes)


def _family_exercise(
    seed: int, level: Difficulty, number: int, bug_ids, rng: random.Random, family: str
) -> Exercise | None:
    """A native Meeting SDK or Video SDK token exercise hiding these mistakes, or None when no tried input shows
    exactly them."""
    token = _family_token_evidence(bug_ids, rng, family)
    if token is None:
        return None
    shown, decoded, join, happens = token
    context = (*join.lines(), f"What happens: {happens}")
    causes, fixes = _options(bug_ids, level, rng, family)
    return Exercise(
        seed, level.key, number, "token", bug_ids, shown, None, decoded, join, context, causes, fixes, family
    )


def code_inputs(request: SignatureRequest, code: str) -> tuple[str, ...]:
    """What the learner is told about the signer's inputs, where this code reads them: exactly what
    tests/test_exercise_signers.py gives the signer when it runs it."""
    client_id = f"`{KEY_VARIABLE}` = `{request.sdk_key}` (your app's Client ID)"
    if PUBLIC_SECRET_VARIABLE in code:
        secret = f"and `{PUBLIC_SECRET_VARIABLE}` = the Client Secret in its environment"
        return (f"The server (a Next.js app) has {client_id} {secret}.", *_request_inputs(request))
    secret = (
        f"in its environment and the Client Secret in `{SECRET_FILE}`, as an editor saved it (with a final newline)"
    )
    return (f"The server has {client_id} {secret}.", *_request_inputs(request))


def _request_inputs(request: SignatureRequest) -> tuple[str, ...]:
    """What the learner is told about the request and the clock."""
    return (
        f"The page posts the form fields meetingNumber = `{request.meeting_number}` and role = `{request.role}` "
        "(as text) to the handler; you join that meeting as a participant.",
        f"The server has been up and signing for {SERVER_UPTIME_DAYS} days; this join is at "
        f"{datetime.fromtimestamp(request.iat, UTC):%Y-%m-%d %H:%M} UTC (epoch `{request.iat}`).",
    )


def _demo_request(rng: random.Random, *, host: bool = False) -> tuple[SignatureRequest, int]:
    """Demo credentials, a random meeting and time on the exercises' clock: (request, now)."""
    now = EXERCISE_EPOCH + rng.randrange(_YEAR_SECONDS)
    meeting_number = str(rng.randrange(10**9, 10**11))
    request = SignatureRequest(
        DEMO_SDK_KEY, DEMO_SDK_SECRET, meeting_number, int(host), now, now + DEFAULT_LIFETIME_SECONDS
    )
    return request, now


def signer_outcome(language: str, bug_ids) -> str:
    """What happens when the signer of this language, with these mistakes, signs CODE_REQUEST for the join."""
    signer = SIGNERS[language]
    thrown = next((signer.throws[bug_id] for bug_id in bug_ids if bug_id in signer.throws), None)
    if thrown is not None:
        return f"the signer throws {thrown}; no token is made, and join() is never called."
    join = Join(CODE_REQUEST.sdk_key, CODE_REQUEST.meeting_number, CODE_REQUEST.iat, host=False)
    return _what_happens(CODE_REQUEST, bug_ids, join)


def _what_happens(request: SignatureRequest, bug_ids, join: Join) -> str:
    """What the learner would see when joining with the token these mistakes make of `request`, in words that name
    no mistake. A Zoom code is stated only where the fact base documents it for every reason Zoom has to refuse
    the token (lib.doctor.findings' codes carry the rule book's and the fact base's row IDs)."""
    returned = sign_with_bugs(request, bug_ids).returned
    if "." not in returned:
        return "join() fails on the page; nothing reaches Zoom."
    diagnosis = diagnose(
        returned,
        secret=request.sdk_secret,
        sdk_key=join.sdk_key,
        meeting_number=join.meeting_number,
        now=join.now,
        host=join.host,
    )
    codes = {_zoom_code(finding, bug_ids) for finding in diagnosis.findings if _refused_for(finding)}
    if not codes:
        return "join() goes through, and no error is reported."
    if None in codes:
        return f"{UNDOCUMENTED_ERROR}."
    if len(codes) == 1:
        (code,) = codes
        return f"Zoom answers {code} {ZOOM_ERRORS[code].message}"
    answers = " or ".join(f"{code} {ZOOM_ERRORS[code].message.rstrip('.')}" for code in sorted(codes))
    return f"Zoom refuses it with {answers}; which of them it answers is not documented."


def _refused_for(finding) -> bool:
    """Whether Zoom's server refuses a token for this finding: an error, or a warning about a mistake the catalogue
    says Zoom refuses (a text role). A missing optional claim is no reason."""
    if finding.severity == "error":
        return True
    return finding.severity == "warning" and finding.bug_id in BUGS and BUGS[finding.bug_id].caught_by == ZOOM_SERVER


def _zoom_code(finding, bug_ids) -> int | None:
    """The code the fact base documents for this reason, None where it documents none. A claim rule's code is the
    rule book's; another finding of a hidden mistake with its own row (another app type's key) is that row's."""
    if finding.code in RULES:
        return RULES[finding.code].zoom_error
    bug = BUGS.get(finding.bug_id)
    if bug is not None and bug.id in bug_ids and bug.zoom_error_source:
        return bug.zoom_error
    return FINDING_CODES[finding.code].zoom_error


def corrected_code(exercise: Exercise, bug_id: str) -> tuple[str, str] | None:
    """(language, the correct lines) in place of one of the exercise's mistakes: from the signer shown, or for a
    token from the JavaScript signer; None when that signer does not show this mistake."""
    signer = SIGNERS[exercise.language or "javascript"]
    return (signer.language, signer.corrected_lines(bug_id)) if bug_id in signer.mistakes else None


def found_mistakes(diagnosis) -> set[str]:
    """The catalogue ids behind the diagnosis's errors and warnings; a token of the other SDK, when the doctor was
    told which SDK joins, is the catalogue's mistake of signing that SDK's claims (lib.mistakes.catalogue)."""
    named = set()
    for finding in diagnosis.findings:
        if finding.severity not in ("error", "warning"):
            continue
        stated = finding.evidence.get("sdk") if finding.code == "wrong_token_kind" else None
        named.add(other_sdk_mistake(SDK_FAMILIES[stated]) if stated else finding.bug_id)
    return named - {None}


def _decoded(diagnosis) -> str | None:
    if diagnosis.header is None or diagnosis.payload is None:
        return None
    return f"{json_stringify(diagnosis.header)}\n{json_stringify(diagnosis.payload)}"


def _family_token_evidence(bug_ids, rng, family: str):
    """(value handed to the SDK, decoded JSON, Join, what happens) for a native Meeting SDK or Video SDK token whose
    mistakes a reader can find, or None when no tried input shows exactly these mistakes."""
    for _ in range(_TOKEN_ATTEMPTS):
        host = rng.random() < 0.5
        now = EXERCISE_EPOCH + rng.randrange(_YEAR_SECONDS)
        if family == VIDEO:
            session_name = rng.choice(SESSION_NAMES)
            request = SignatureRequest(
                DEMO_SDK_KEY,
                DEMO_SDK_SECRET,
                role=int(host),
                iat=now,
                exp=now + DEFAULT_LIFETIME_SECONDS,
                family=VIDEO,
                session_name=session_name,
                user_key=f"user-{rng.randrange(10**4, 10**6)}",
            )
            join = Join(DEMO_SDK_KEY, "", now, host, session_name, VIDEO)
        else:  # the sample's native token: no meetingNumber and role in the request
            request = SignatureRequest(
                DEMO_SDK_KEY, DEMO_SDK_SECRET, iat=now, exp=now + DEFAULT_LIFETIME_SECONDS, family=family
            )
            join = Join(DEMO_SDK_KEY, "", now, False, family=family)
        returned = sign_with_bugs(request, bug_ids).returned
        if returned is None:  # the signing code threw: there is no token to show
            return None
        diagnosis = join.diagnose(returned)
        if found_mistakes(diagnosis) != set(bug_ids):
            continue
        with_secret = join.diagnose(returned, DEMO_SDK_SECRET)
        happens = video_outcome(with_secret) if family == VIDEO else native_outcome(with_secret)
        return returned, _decoded(diagnosis), join, happens
    return None


def native_outcome(diagnosis) -> str:
    """What the learner would see authenticating a native Meeting SDK with this token (diagnosed with the app's
    secret), in words that name no mistake: each native SDK has one result for any JWT it refuses (the family record),
    and no source says whether it refuses a token whose only fault is a recommendation."""
    record = FAMILIES[MEETING_NATIVE]
    if any(_refused_for(finding) for finding in diagnosis.findings):
        return f"Authentication fails: the SDK reports {record.refused_as}."
    if any(f.severity in ("error", "warning") for f in diagnosis.findings):
        return "No source documents what the native SDKs do with this token."
    return "Authentication goes through, and no error is reported."


def video_outcome(diagnosis) -> str:
    """What the learner would see joining the Video SDK with this token (diagnosed with the app's secret), in words
    that name no mistake: a platform's code only where the fact base documents one for it for every reason the token
    is refused, the same for all of them (lib.zoom.families)."""
    title = FAMILIES[VIDEO].title
    documented = [FAMILIES[VIDEO].errors.get(f.code, ()) for f in diagnosis.findings if f.severity == "error"]
    if not documented:
        return "join() goes through, and no error is reported."
    stated = []
    for platform in dict.fromkeys(e.platform for errors in documented for e in errors):
        answers = [[e for e in errors if e.platform == platform] for errors in documented]
        distinct = tuple(dict.fromkeys(e for found in answers for e in found))
        if all(answers) and len(distinct) == 1:
            stated += distinct
    if not stated:
        return f"The {title} refuses it; what it reports is not documented."
    said = "; ".join(f"{e.platform} {e.code} {e.name}" for e in stated)
    return f"The {title} refuses it: {said}. What the other platforms report is not documented."


def _token_evidence(bug_ids, rng):
    """(value handed to join(), decoded JSON, Join, what happens) for a token whose mistakes a reader can
    find, or None when no tried input shows exactly these mistakes."""
    for _ in range(_TOKEN_ATTEMPTS):
        host = rng.random() < 0.5
        request, now = _demo_request(rng, host=host)
        returned = sign_with_bugs(request, bug_ids).returned
        if returned is None:  # the signing code threw: there is no token to show
            return None
        join = Join(DEMO_SDK_KEY, request.meeting_number, now, host)
        diagnosis = join.diagnose(returned)
        if found_mistakes(diagnosis) != set(bug_ids):
            continue
        return returned, _decoded(diagnosis), join, _what_happens(request, bug_ids, join)
    return None


# ------------------------------------------------------------------------------------------ grading


@dataclass(frozen=True)
class Attempt:
    """A learner's answer to one exercise, graded."""

    exercise_id: str
    seed: int
    difficulty: str
    number: int
    answer: tuple[str, ...]
    causes: tuple[str, ...]
    fixes: tuple[str, ...]
    causes_right: bool
    fixes_right: bool

    @property
    def points(self) -> int:
        return int(self.causes_right) + int(self.fixes_right)

    def as_dict(self):
        return asdict(self) | {"points": self.points}


def grade(exercise: Exercise, causes, fixes) -> Attempt:
    """Graded by the one rule (lib.training.scoring.judge). An empty answer is allowed and scores nothing
    (it shows the explanation)."""
    judgement = judge(exercise.bug_ids, causes, fixes)
    return Attempt(
        exercise.id,
        exercise.seed,
        exercise.difficulty,
        exercise.number,
        exercise.bug_ids,
        tuple(causes),
        tuple(fixes),
        judgement.causes_right,
        judgement.fixes_right,
    )


@dataclass(frozen=True)
class Score:
    points: int
    possible: int  # over the exercises answered
    answered: int


def score(attempts) -> Score:
    attempts = list(attempts)
    return Score(sum(a.points for a in attempts), POINTS_PER_EXERCISE * len(attempts), len(attempts))


def results_json(attempts, lessons_seen=()) -> str:
    """The learner's results as a JSON document to download (nothing of it is kept on the server)."""
    attempts = list(attempts)
    total = score(attempts)
    document = {
        "score": {"points": total.points, "possible": total.possible, "answered": total.answered},
        "lessons_seen": sorted(lessons_seen),
        "attempts": [a.as_dict() | {"answer_titles": [BUGS[i].title for i in a.answer]} for a in attempts],
    }
    return json.dumps(document, indent=2, ensure_ascii=False)
