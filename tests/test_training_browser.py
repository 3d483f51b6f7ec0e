"""Find the bug in a real browser: answer one exercise and see the score change."""

import pytest
from playwright.sync_api import expect

from lib.mistakes.catalogue import BUGS
from lib.navigation import PAGES, browser_path
from lib.training.exercises import DEFAULT_SEED, POINTS_PER_EXERCISE, SET_SIZE, exercise_set
from lib.widget_keys import EXERCISES
from support.browser import NEXT_FRAME, click_and_wait, open_page, pick

pytestmark = pytest.mark.browser
EXERCISES_PAGE = next(entry for entry in PAGES if entry.url_path == "find-the-bug")


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


def test_a_pick_one_box_offers_no_select_all_and_takes_one_choice(page, streamlit_url):
    """A learner once picked Select all in a "pick 1" box: the box now offers one choice, and no Select all."""
    open_page(page, streamlit_url, browser_path(EXERCISES_PAGE))
    exercise = exercise_set(DEFAULT_SEED, "easy")[0]
    (bug_id,) = exercise.bug_ids
    causes = EXERCISES["causes"].format(exercise_id=exercise.id)
    field = page.locator(f".st-key-{causes} input")
    field.scroll_into_view_if_needed()
    page.evaluate(NEXT_FRAME)  # the list closes on a scroll: let the scroll's events pass before the click
    field.click()
    options = page.get_by_role("option")
    options.first.wait_for()
    assert options.count() == len(exercise.cause_options)
    assert page.get_by_role("option", name="Select all").count() == 0
    page.keyboard.press("Escape")
    options.first.wait_for(state="detached")

    pick(page, causes, BUGS[bug_id].title)
    page.evaluate(NEXT_FRAME)
    field.click()
    # The one choice is taken: the list offers nothing more, and says why.
    expect(page.get_by_role("option")).to_have_text(["You can only select up to 1 option. Remove an option first."])
    page.keyboard.press("Escape")
    expect(page.locator(f".st-key-{causes}")).to_contain_text(BUGS[bug_id].title)
