"""Trainer mode (lib.training.trainer): the 45-minute agenda, the presenter slides and the Markdown handout."""

import re
import textwrap

import pytest

from lib.mistakes.catalogue import BUGS
from lib.navigation import PAGES
from lib.present.html import presenter_html
from lib.training.exercises import DIFFICULTIES, corrected_code, exercise_set
from lib.training.trainer import AGENDA, PAGE_BREAK, SESSION_MINUTES, AgendaBlock, handout_markdown, presenter_slides


def test_the_agenda_adds_up_to_45_minutes():
    assert SESSION_MINUTES == 45
    assert sum(block.minutes for block in AGENDA) == SESSION_MINUTES
    assert all(block.minutes > 0 and block.points for block in AGENDA)


def test_every_agenda_page_exists():
    assert {block.page for block in AGENDA if block.page} <= {entry.url_path for entry in PAGES}
    assert {"lessons", "buggy-vs-correct", "find-the-bug"} <= {block.page for block in AGENDA}


def test_presenter_slides_reveal_one_point_at_a_time():
    slides = presenter_slides()
    assert len(slides) == sum(len(block.points) + 1 for block in AGENDA)
    assert (slides[0].block, slides[0].revealed) == (0, 0)
    assert (slides[-1].block, slides[-1].revealed) == (len(AGENDA) - 1, len(AGENDA[-1].points))
    for before, after in zip(slides, slides[1:], strict=False):
        if after.block == before.block:
            assert after.revealed == before.revealed + 1
        else:
            assert (after.block, after.revealed) == (before.block + 1, 0)
            assert after.start_minute == before.start_minute + AGENDA[before.block].minutes


def test_presenter_html_shows_only_the_revealed_points_escaped():
    agenda = (AgendaBlock(5, "<Intro>", None, ("first & foremost", "second", "third")),)
    shown = presenter_html(presenter_slides(agenda)[2], agenda)
    assert "&lt;Intro&gt;" in shown and "first &amp; foremost" in shown and "second" in shown
    assert "third" not in shown
    assert "minute 0–5 of 5" in shown


@pytest.mark.parametrize("difficulty", list(DIFFICULTIES))
def test_the_handout_has_the_set_then_the_answers_on_a_separate_page(difficulty):
    handout = handout_markdown(42, difficulty)
    assert handout == handout_markdown(42, difficulty)
    questions, answers = handout.split(PAGE_BREAK)
    assert questions.rstrip().endswith("---")
    assert "## Answers" not in questions and answers.lstrip().startswith("## Answers")
    for exercise in exercise_set(42, difficulty):
        assert f"## Exercise {exercise.number}\n" in questions
        assert exercise.shown in questions
        block = answers.split(f"### Exercise {exercise.number}\n")[1].split("### Exercise")[0]
        letters = re.search(r"Cause: \*\*([A-Z, ]+)\*\* · Fix: \*\*([a-z, ]+)\*\*", block)
        expected_causes = sorted("ABCDEF"[exercise.cause_options.index(b)] for b in exercise.bug_ids)
        expected_fixes = sorted("abcdef"[exercise.fix_options.index(b)] for b in exercise.bug_ids)
        assert letters.group(1).split(", ") == expected_causes
        assert letters.group(2).split(", ") == expected_fixes
        for bug_id in exercise.bug_ids:
            assert BUGS[bug_id].title in block
            if exercise.kind == "code":  # the corrected lines in the language shown
                language, lines = corrected_code(exercise, bug_id)
                assert f"```{language}\n{textwrap.indent(lines, '  ')}\n  ```" in block


def test_handout_letters_match_the_options_in_the_questions():
    handout = handout_markdown(7, "hard")
    exercise = exercise_set(7, "hard")[0]
    question = handout.split("## Exercise 1\n")[1].split("## Exercise 2\n")[0]
    for letter, bug_id in zip("ABCDEF", exercise.cause_options, strict=True):
        assert f"- [ ] {letter}. {BUGS[bug_id].title}" in question
    for letter, bug_id in zip("abcdef", exercise.fix_options, strict=True):
        assert f"- [ ] {letter}. {BUGS[bug_id].fix}" in question


@pytest.mark.parametrize("size", [1, 4])
def test_a_class_s_handout_has_that_class_s_seed_difficulty_and_count(size):
    """Issue 23: the handout under a class of seed 7 still gave seed 42's set of the default size."""
    handout = handout_markdown(7, "hard", size)
    assert handout.startswith("# Find the bug — seed 7, hard")
    questions = handout.split(PAGE_BREAK)[0]
    assert re.findall(r"^## Exercise (\d+)$", questions, re.MULTILINE) == [str(n) for n in range(1, size + 1)]
    assert exercise_set(7, "hard", size)[-1].shown in questions
