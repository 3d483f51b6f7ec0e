"""What the trainer sees of a class: who joined, how far each learner is, and which mistakes the room
misses. Read fresh from the database on every refresh, so every server shows the same room."""

import csv
import io
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.engine import Engine

from lib.classroom.database import unavailable_as_message
from lib.classroom.schema import answers, learners
from lib.classroom.store import ANSWER_COLUMNS, ClassSession, stored_answer
from lib.mistakes.catalogue import BUGS
from lib.training.scoring import POINTS_PER_EXERCISE, RoomScore, room_score

CSV_COLUMNS = (
    "display_name",
    "exercise",
    "mistakes",
    "mistake_titles",
    "causes_picked",
    "fixes_picked",
    "cause_right",
    "fix_right",
    "points",
    "seconds_taken",
    "answered_at",
    "token_family",  # which SDK's exercises the class did (lib.zoom.families)
)
_FORMULA_SIGNS = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet runs a cell that starts with one of these


@dataclass(frozen=True)
class LearnerProgress:
    display_name: str
    answered: int
    points: int
    last_answer_at: float | None


@dataclass(frozen=True)
class MistakeTally:
    bug_id: str
    title: str
    right: int  # answers that found this hidden mistake (lib.training.scoring.judge)
    missed: int  # answers that did not


@dataclass(frozen=True)
class RoomResults:
    session: ClassSession
    learners: tuple[LearnerProgress, ...]  # in the order they joined
    mistakes: tuple[MistakeTally, ...]  # most missed first
    answers: int
    score: RoomScore  # over the answered exercises, the unanswered apart

    @property
    def possible_per_learner(self) -> int:
        return POINTS_PER_EXERCISE * self.session.exercise_count


def _rows(engine: Engine, session: ClassSession):
    with unavailable_as_message(engine), engine.connect() as connection:
        people = connection.execute(
            select(learners.c.id, learners.c.display_name)
            .where(learners.c.class_id == session.id)
            .order_by(learners.c.joined_at, learners.c.id)
        ).all()
        given = connection.execute(
            select(answers.c.learner_id, *ANSWER_COLUMNS)
            .join(learners, learners.c.id == answers.c.learner_id)
            .where(learners.c.class_id == session.id)
            .order_by(answers.c.learner_id, answers.c.exercise_number)
        ).all()
    return people, [(row.learner_id, stored_answer(row)) for row in given]


def room_results(engine: Engine, session: ClassSession) -> RoomResults:
    people, given = _rows(engine, session)
    by_learner = {person.id: [] for person in people}
    right, missed = {}, {}
    for learner_id, given_answer in given:
        by_learner[learner_id].append(given_answer)
        judgement = given_answer.judgement
        for tally, bug_ids in ((right, judgement.found), (missed, judgement.missed)):
            for bug_id in bug_ids:
                tally[bug_id] = tally.get(bug_id, 0) + 1
    progress = tuple(
        LearnerProgress(
            person.display_name,
            len(by_learner[person.id]),
            sum(a.points for a in by_learner[person.id]),
            max((a.answered_at for a in by_learner[person.id]), default=None),
        )
        for person in people
    )
    tallies = sorted(
        (
            MistakeTally(
                bug_id, BUGS[bug_id].title if bug_id in BUGS else bug_id, right.get(bug_id, 0), missed.get(bug_id, 0)
            )
            for bug_id in set(right) | set(missed)
        ),
        key=lambda t: (-t.missed, -(t.missed + t.right), t.title),
    )
    score = room_score((a.judgement for _, a in given), len(people) * session.exercise_count)
    return RoomResults(session, progress, tuple(tallies), len(given), score)


def _cell(value):
    """A value as a CSV cell a spreadsheet shows rather than runs (display names are the learners' text)."""
    if isinstance(value, str) and value.startswith(_FORMULA_SIGNS):
        return "'" + value
    return value


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")


def results_csv(engine: Engine, session: ClassSession) -> str:
    """Every answer of the class, one row each, and one row for each learner who answered nothing, for the
    trainer's download: mistakes by id and by title, times in ISO 8601 (UTC)."""
    people, given = _rows(engine, session)
    by_learner = {person.id: [] for person in people}
    for learner_id, given_answer in given:
        by_learner[learner_id].append(given_answer)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for person in people:
        if not by_learner[person.id]:
            writer.writerow([_cell(person.display_name)] + [""] * (len(CSV_COLUMNS) - 2) + [session.family])
        for given_answer in by_learner[person.id]:
            judgement = given_answer.judgement
            writer.writerow(
                _cell(value)
                for value in (
                    person.display_name,
                    given_answer.exercise_number,
                    " ".join(given_answer.mistakes),
                    "; ".join(BUGS[i].title if i in BUGS else i for i in given_answer.mistakes),
                    " ".join(given_answer.causes),
                    " ".join(given_answer.fixes),
                    judgement.causes_right,
                    judgement.fixes_right,
                    judgement.points,
                    "" if given_answer.seconds_taken is None else round(given_answer.seconds_taken, 1),
                    _iso(given_answer.answered_at),
                    session.family,
                )
            )
    return out.getvalue()


def learner_rows(results: RoomResults, now: float) -> list[dict]:
    """The trainer's table: one row per learner, in the order they joined."""
    count = results.session.exercise_count
    return [
        {
            "learner": person.display_name,
            "answered": f"{person.answered} / {count}",
            "score": f"{person.points} / {results.possible_per_learner}",
            "last answer": "—" if person.last_answer_at is None else f"{int(now - person.last_answer_at)} s ago",
            "done": person.answered == count,
        }
        for person in results.learners
    ]


CHART_PARTS = {"right": "#2e7d32", "missed": "#c62828"}  # the chart's two parts and their colours


def mistake_chart(rows: list[dict]) -> tuple[list[dict], dict]:
    """The room chart as Vega-Lite (its data rows, its spec): right (green) and missed (red) answers per mistake,
    stacked, the most missed on top, titles in full.

    Not by colour alone: each part of a bar carries its number, and the chart's description (what a screen
    reader reads for the canvas) says every figure in words. White on either colour is 5:1 or more; a part
    with no answers has no bar and no number."""
    counts = [{"mistake": row["mistake"], "answers": part, "count": row[part]} for row in rows for part in CHART_PARTS]
    described = "; ".join(f"{row['mistake']}: {row['right']} right, {row['missed']} missed" for row in rows)
    encoding = {
        "x": {
            "field": "count",
            "type": "quantitative",
            "title": "answers",
            "stack": "zero",
            "axis": {"tickMinStep": 1},
        },
        "y": {
            "field": "mistake",
            "type": "nominal",
            "title": None,
            "sort": [row["mistake"] for row in rows],
            "axis": {"labelLimit": 360},
        },
        "order": {"field": "answers", "type": "nominal", "sort": "descending"},
    }
    bars = {
        "mark": {"type": "bar"},
        "encoding": encoding
        | {
            "color": {
                "field": "answers",
                "type": "nominal",
                "title": None,
                "scale": {"domain": list(CHART_PARTS), "range": list(CHART_PARTS.values())},
            },
            "tooltip": [
                {"field": "mistake", "type": "nominal"},
                {"field": "answers", "type": "nominal"},
                {"field": "count", "type": "quantitative"},
            ],
        },
    }
    numbers = {
        "mark": {"type": "text", "align": "right", "dx": -4, "color": "white", "fontWeight": "bold"},
        "transform": [{"filter": "datum.count > 0"}],
        "encoding": encoding | {"text": {"field": "count", "type": "quantitative"}},
    }
    return counts, {"description": f"Answers per mistake. {described}.", "layer": [bars, numbers]}


def mistake_rows(results: RoomResults) -> list[dict]:
    """The trainer's chart: right and missed answers per hidden mistake, most missed first."""
    return [{"mistake": tally.title, "right": tally.right, "missed": tally.missed} for tally in results.mistakes]
