"""Find the bug in a real browser: answer one exercise and see the score change."""

import pytest

from lib.mistakes.catalogue import BUGS
from lib.navigation import PAGES, browser_path
from lib.training.exercises import DEFAULT_SEED, POINTS_PER_EXERCISE, SET_SIZE, exercise_set
from lib.widget_keys import EXERCISES
from support.browser import click_and_wait, open_page, pick

pytestmark = pytest.mark.browser
EXERCISES_PAGE = next(entry for entry in PAGES if entry.url_path == "exercises")


def test_answering_an_exercise_changes_the_score(page, streamlit_url):
    open_page(page, streamlit_url, browser_path(EXERCISES_PAGE))
    exercise = exercise_set(DEFAULT_SEED, "easy")[0]  # the page opens on this set
    score = page.locator(f".st-key-{EXERCISES['score']}")
    total = POINTS_PER_EXERCISE * SET_SIZE
    assert f"0 / {total}" in score.inner_text()
    assert exercise.shown in page.locator(f".st-key-{EXERCISES['exercise']}").inner_text()

    (bug_id,) = exercise.bug_ids
    pick(page, EXERCISES["causes"].format(exercise_id=exercise.id), BUGS[bug_id].title)
    pick(page, EXERCISES["fixes"].format(exercise_id=exercise.id), BUGS[bug_id].fix)
    click_and_wait(page, page.locator(f".st-key-{EXERCISES['check']} button"))

    assert f"2 / {total}" in score.inner_text()
    feedback = page.locator(f".st-key-{EXERCISES['feedback']}").inner_text()
    assert "Cause: right" in feedback and "Fix: right" in feedback
