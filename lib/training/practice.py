"""Find the bug as a learner works through it, alone or in a class, without Streamlit: the set and its answers,
where to continue, the score line, the verdict on an answer and the explanation after it.

The page keeps the state (session_state alone; lib.classroom's database in a class) and hands it in here.
"""

from dataclasses import dataclass

from lib.mistakes.catalogue import BUGS
from lib.training.exercises import Attempt, Exercise, Score, corrected_code, score
from lib.training.scoring import POINTS_PER_EXERCISE
from lib.training.signers import SIGNERS
from lib.zoom.families import MEETING_WEB


@dataclass(frozen=True)
class Practice:
    """A learner's run through one set. `place` keys their position in the session: (seed, difficulty, family) alone,
    ("learner", id) in a class, so another learner joining in the same tab starts at their own place."""

    exercises: tuple[Exercise, ...]
    attempts: dict[str, Attempt]  # by exercise id; alone, the session's answers to every set it tried
    place: tuple
    in_class: bool = False
    taking_answers: bool = True  # False once the class is closed or over: its answers are kept, new ones refused

    @property
    def in_set(self) -> Score:
        return score(self.attempts[e.id] for e in self.exercises if e.id in self.attempts)

    @property
    def complete(self) -> bool:
        return self.in_set.answered == len(self.exercises)

    def resume_position(self) -> int:
        """The first exercise not answered yet; the last one once all are."""
        unanswered = [index for index, e in enumerate(self.exercises) if e.id not in self.attempts]
        return unanswered[0] if unanswered else len(self.exercises) - 1

    def position(self, positions: dict) -> int:
        """The index of the exercise shown. `positions` (place -> index) is the session's: a set alone starts at
        its first exercise, a class place (a reload, the same link later) where the learner left off."""
        if self.in_class and self.place not in positions:
            positions[self.place] = self.resume_position()
        return positions.get(self.place, 0)


def solo_practice(
    exercises, attempts: dict[str, Attempt], seed: int, difficulty: str, family: str = MEETING_WEB
) -> Practice:
    """Practice alone: the answers live in this session (`attempts` is its dict, kept across sets and families: an
    exercise's id names its family). Each set (seed, difficulty, token family) keeps its own place."""
    return Practice(tuple(exercises), attempts, (seed, difficulty, family))


def class_practice(exercises, stored: dict, as_attempt, learner_id: int, taking_answers: bool) -> Practice:
    """Practice in a class: `stored` holds the learner's answers from the class's database by exercise number,
    `as_attempt(stored answer, exercise)` reads one as an attempt (lib.classroom.store.as_attempt: this layer
    does not import the classroom). A number beyond the set (only an edited database has one) is left out."""
    exercises = tuple(exercises)
    attempts = {
        exercises[n - 1].id: as_attempt(a, exercises[n - 1]) for n, a in stored.items() if 1 <= n <= len(exercises)
    }
    return Practice(exercises, attempts, ("learner", learner_id), in_class=True, taking_answers=taking_answers)


@dataclass(frozen=True)
class ScoreLine:
    label: str
    value: str  # points over the set's possible points
    help: str
    session: str | None  # alone: the score over every answer of this browser session


def score_line(practice: Practice) -> ScoreLine:
    in_set, count = practice.in_set, len(practice.exercises)
    session = None
    if not practice.in_class:
        overall = score(practice.attempts.values())
        session = f"This session: {overall.points} of {overall.possible} points over {overall.answered} answers."
    return ScoreLine(
        "Score in this class" if practice.in_class else "Score in this set",
        f"{in_set.points} / {POINTS_PER_EXERCISE * count}",
        f"{in_set.answered} of {count} exercises answered",
        session,
    )


def completion(practice: Practice) -> str | None:
    """The line that closes a set once every exercise in it is answered."""
    if not practice.complete:
        return None
    in_set = practice.in_set
    return f"Set complete: {in_set.points} of {in_set.possible} points."


def task_line(exercise: Exercise) -> str:
    """How many mistakes hide in what the exercise shows."""
    count = len(exercise.bug_ids)
    what = "this token (what the signer handed to join())" if exercise.kind == "token" else "this signer"
    what += f" ({SIGNERS[exercise.language].label})" if exercise.language else ""
    return f"{count} mistake{'s' if count > 1 else ''} hide{'' if count > 1 else 's'} in {what}."


def named(bug_ids, attribute: str) -> str:
    """The entries' titles or fixes, quoted: fixes have commas and semicolons of their own."""
    return ", ".join(f"“{getattr(BUGS[i], attribute)}”" for i in bug_ids) or "nothing"


@dataclass(frozen=True)
class Verdict:
    right: bool
    text: str


def verdicts(attempt: Attempt) -> tuple[Verdict, Verdict]:
    """The verdict on the causes picked, then on the fixes: right, or what was picked and what the answer is."""
    found = []
    for part, right, picked, attribute in (
        ("Cause", attempt.causes_right, attempt.causes, "title"),
        ("Fix", attempt.fixes_right, attempt.fixes, "fix"),
    ):
        if right:
            found.append(Verdict(True, f"{part}: right — {named(picked, attribute)}."))
        else:
            found.append(
                Verdict(
                    False,
                    f"{part}: not quite — you picked {named(picked, attribute)}; "
                    f"the answer is {named(attempt.answer, attribute)}.",
                )
            )
    return tuple(found)


@dataclass(frozen=True)
class Explanation:
    text: str  # Markdown: the mistake, why it fails, its fix
    corrected: tuple[str, str] | None  # (language, the lines as they should be), for a code exercise


def explanations(exercise: Exercise) -> tuple[Explanation, ...]:
    """What follows every answer: each hidden mistake explained, with its corrected lines."""
    return tuple(
        Explanation(f"**{BUGS[i].title}.** {BUGS[i].why}  \n**Fix.** {BUGS[i].fix}", corrected_code(exercise, i))
        for i in exercise.bug_ids
    )


def seconds_taken(first_shown: dict[str, float], exercise_id: str, now: float) -> float | None:
    """How long the learner had the exercise before answering; None when its first showing was not seen
    (a session that started at the answer)."""
    shown = first_shown.get(exercise_id)
    return None if shown is None else now - shown
