"""One rule for scoring an answer to a Find the bug exercise, read by every view of it: the learner's verdict,
the trainer's table and chart, the room's score and the results CSV. Two rules once told one learner
"not quite" while the trainer's chart counted the same answer as right.

A part (cause or fix) is right when it names exactly the hidden mistakes: a missing one or an extra one is
wrong, so picking every option scores nothing. A hidden mistake is found when the answer names it as a cause
and by its fix and picks nothing wrong in either part; an answer scores full points exactly when it finds
every hidden mistake.
"""

from dataclasses import dataclass

POINTS_PER_EXERCISE = 2  # one for the cause(s), one for the fix(es)


@dataclass(frozen=True)
class Judgement:
    causes_right: bool
    fixes_right: bool
    found: tuple[str, ...]  # hidden mistakes this answer named (cause and fix), in the exercise's order
    missed: tuple[str, ...]  # the other hidden mistakes

    @property
    def points(self) -> int:
        return int(self.causes_right) + int(self.fixes_right)


def judge(mistakes, causes, fixes) -> Judgement:
    """The verdict on one answer: `mistakes` are the exercise's hidden mistakes, `causes` and `fixes` the
    mistakes whose cause and fix the learner picked (an empty answer is "I don't know": nothing right)."""
    mistakes, causes, fixes = tuple(mistakes), set(causes), set(fixes)
    hidden = set(mistakes)
    nothing_wrong = causes <= hidden and fixes <= hidden
    found = tuple(m for m in mistakes if nothing_wrong and m in causes and m in fixes)
    return Judgement(causes == hidden, fixes == hidden, found, tuple(m for m in mistakes if m not in found))


@dataclass(frozen=True)
class RoomScore:
    points: int
    possible: int  # over the answered exercises only
    answered: int
    unanswered: int  # exercises the learners have not answered yet: shown apart, never counted as wrong

    @property
    def percent(self) -> int | None:
        """The room's score in percent of the answered exercises' points; None before the first answer."""
        return round(100 * self.points / self.possible) if self.possible else None


def room_score(judgements, expected_answers: int) -> RoomScore:
    """The points of the answers given, out of what those answers could have scored; `expected_answers` is
    learners × exercises."""
    judgements = list(judgements)
    points = sum(j.points for j in judgements)
    return RoomScore(
        points, POINTS_PER_EXERCISE * len(judgements), len(judgements), max(expected_answers - len(judgements), 0)
    )
