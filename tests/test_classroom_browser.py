"""A live class in real browsers: a trainer and three learners, each in a browser context of their own, on
`streamlit run app.py` with its classroom database: one server on SQLite, and two servers sharing one
PostgreSQL (the room docs/classroom.md describes; the trainer on one server, the learners on both).

The trainer starts a class on the Trainer page and never touches it while the learners join on Find the bug
and answer: the console (a fragment that reruns every few seconds) must show them on its own. The chart is a
canvas, so its figures are read from what the server sends the trainer's page; the learners table has a
hidden accessible copy of its cells, read from the page. The projector view is checked for what it must never
show, the trainer link for surviving a reload, and the PIN's limits for never locking out the link's holder.
"""

import contextlib
import csv
import os
import re

import pytest
from playwright.sync_api import expect

from bench.browser import streamlit_servers
from lib.classroom.database import URL_VARIABLE
from lib.mistakes.catalogue import BUGS
from lib.training.exercises import DEFAULT_SEED, POINTS_PER_EXERCISE, exercise_set
from lib.training.trainer import AGENDA_DIFFICULTY
from lib.widget_keys import EXERCISES, LEARNER_PARAM, TRAINER
from support import pages
from support.browser import (
    NEXT_FRAME,
    STREAMLIT_SOCKETS,
    click_and_wait,
    goto_app,
    open_app,
    pick,
    record_traffic,
    run_finished,
)
from support.frames import chart_rows
from support.postgres import new_postgres_database

pytestmark = pytest.mark.browser
COUNT = 3  # exercises in the class (the trainer form's seed and difficulty are left as they are)
CLASS_SET = exercise_set(DEFAULT_SEED, AGENDA_DIFFICULTY, COUNT)
POSSIBLE = POINTS_PER_EXERCISE * COUNT
ROOM_TIMEOUT = 30_000  # ms: the view rereads the database every 3 s; generous for a busy machine
EVE = "<img src=x onerror=alert(1)> *Eve*"  # a display name that is HTML and Markdown: shown as typed
ADA, BOB = "Ada Lovelace", "Bob Kahn"
SHOWN_CODE = re.compile(r"Join code: ([2-9A-Z]{4}-[2-9A-Z]{4})")
SHOWN_PIN = re.compile(r"trainer PIN (\d{6})")
WRONG_PIN = "This join code and PIN do not open a class."
FREE_PIN_TRIES = 5  # docs/classroom.md: PIN tries from one browser or network before the next one waits
PIN_TAB = "Lost the trainer link? Open with the PIN"


def new_context(browser):
    return browser.new_context(viewport={"width": 1400, "height": 1000})


def key(name):
    return f".st-key-{name}"


def start_class(context, streamlit_url):
    """The trainer's console of a new class of COUNT exercises; its join code (as shown) and PIN. The page's
    address now holds the trainer link."""
    trainer = open_app(context, pages.address(streamlit_url, pages.TRAINER))
    assert trainer.locator(key(TRAINER["room"])).count() == 0
    trainer.locator(f"{key(TRAINER['new_count'])} input").fill(str(COUNT))
    click_and_wait(trainer, trainer.locator(f"{key(TRAINER['new_submit'])} button"))
    shown = trainer.locator(key(TRAINER["room"])).inner_text()
    pin = SHOWN_PIN.search(trainer.locator(key(TRAINER["room_link"])).inner_text()).group(1)
    assert f"?{TRAINER['link_param']}=" in trainer.url
    return trainer, SHOWN_CODE.search(shown).group(1), pin


def join(context, streamlit_url, code, name):
    """A learner's Find the bug page, joined to the class under this name."""
    learner = open_app(context, pages.address(streamlit_url, pages.EXERCISES))
    learner.get_by_text("In a class? Join it with your trainer's code").click()
    learner.locator(f"{key(EXERCISES['class_code'])} input").fill(code)
    learner.locator(f"{key(EXERCISES['class_name'])} input").fill(name)
    click_and_wait(learner, learner.locator(f"{key(EXERCISES['class_join'])} button"))
    expect(learner.locator(key(EXERCISES["class_banner"]))).to_contain_text(f"you are {name}")
    assert f"?{LEARNER_PARAM}=" in learner.url
    return learner


def answer(learner, exercise, causes, fixes):
    """Pick these causes and fixes, press Check, and wait until the page says the answer is stored."""
    for bug_id in causes:
        pick(learner, EXERCISES["causes"].format(exercise_id=exercise.id), BUGS[bug_id].title)
    for bug_id in fixes:
        pick(learner, EXERCISES["fixes"].format(exercise_id=exercise.id), BUGS[bug_id].fix)
    click_and_wait(learner, learner.locator(f"{key(EXERCISES['check'])} button"))
    learner.locator(key(EXERCISES["saved"])).wait_for()


def chart_figures(payload):
    """{(mistake, "right" | "missed"): answers} of the room chart if this frame draws it, else None."""
    rows = chart_rows(payload)
    if rows is None:
        return None
    return {(row["mistake"], row["answers"]): row["count"] for row in rows if row["count"]}


def wait_for_chart(trainer, expected):
    """The server sends the trainer's page a chart with these figures (the view redraws it every refresh)."""
    STREAMLIT_SOCKETS[trainer].socket.wait_for_event(
        "framereceived", predicate=lambda payload: chart_figures(payload) == expected, timeout=ROOM_TIMEOUT
    )
    trainer.locator(f"{key(TRAINER['room_chart'])} [data-testid='stVegaLiteChart']").wait_for()


def expect_room(trainer, learners, answers):
    """The trainer's table shows these rows (name, answered, score, done) and the metrics these totals."""
    room = trainer.locator(key(TRAINER["room"]))
    expect(room.locator("[data-testid='stMetric']", has_text="Learners")).to_contain_text(
        str(len(learners)), timeout=ROOM_TIMEOUT
    )
    expect(room.locator("[data-testid='stMetric']", has_text="Answers")).to_contain_text(
        f"{answers} / {len(learners) * COUNT}", timeout=ROOM_TIMEOUT
    )
    rows = trainer.locator(f"{key(TRAINER['room_learners'])} tbody tr")
    expect(rows).to_have_count(len(learners), timeout=ROOM_TIMEOUT)
    for index, (name, answered, points) in enumerate(learners):
        done = "true" if answered == COUNT else "false"
        cells = [name, f"{answered} / {COUNT}", f"{points} / {POSSIBLE}", re.compile(r"—|\d+ s ago"), done]
        expect(rows.nth(index).locator("td")).to_have_text(cells, timeout=ROOM_TIMEOUT)


@pytest.fixture(params=["one_server_sqlite", pytest.param("two_servers_postgresql", marks=pytest.mark.postgres)])
def room_servers(request, tmp_path):
    """The addresses of the servers a room uses: the session's server on SQLite, or two servers started as
    docs/classroom.md says to serve a large room (no file watcher), sharing one PostgreSQL database."""
    if request.param == "one_server_sqlite":
        yield [request.getfixturevalue("streamlit_url")]
        return
    serve_a_room = ["run", "app.py", "--server.fileWatcherType", "none"]
    with (
        new_postgres_database(request.getfixturevalue("postgres_server_url")) as database_url,
        open(tmp_path / "servers.log", "w") as log,
        contextlib.ExitStack() as servers,
    ):
        env = {**os.environ, URL_VARIABLE: database_url}
        yield servers.enter_context(streamlit_servers(2, serve_a_room, env=env, output=log))


def confirm(trainer, tick, button):
    """Press a console button that asks first: disabled until its confirmation is ticked, then pressed."""
    pressed = trainer.locator(f"{key(TRAINER[button])} button:visible")  # a button with help is drawn twice
    expect(pressed).to_be_disabled()
    trainer.locator(f"{key(TRAINER[tick])} label").click()
    expect(pressed).to_be_enabled(timeout=ROOM_TIMEOUT)
    click_and_wait(trainer, pressed)


def expect_state(trainer, state):
    expect(trainer.locator(key(TRAINER["room"])).locator("h3").first).to_contain_text(
        f"· {state}", timeout=ROOM_TIMEOUT
    )


def test_a_trainer_runs_a_class_of_three_learners_as_the_docs_describe(browser, room_servers):
    """docs/classroom.md's class, acted out: start, join, answer, watch live, close (asked first), reopen,
    answer again, close, download the results, delete (asked first)."""
    trainer_url, learner_urls = room_servers[0], [room_servers[n % len(room_servers)] for n in (1, 0, 1)]
    contexts = [new_context(browser) for _ in range(4)]
    trainer_context, *learner_contexts = contexts
    bob_traffic = record_traffic(learner_contexts[1])
    dialogs = []
    for context in contexts:  # an alert() anywhere would be a display name run as script
        context.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        trainer, code, _ = start_class(trainer_context, trainer_url)
        ada, bob, eve = (
            join(context, url, code, name)
            for context, url, name in zip(learner_contexts, learner_urls, (ADA, BOB, EVE), strict=True)
        )

        # The trainer sees who joined, Eve's name as she typed it; nothing of it became markup anywhere.
        expect_room(trainer, [(ADA, 0, 0), (BOB, 0, 0), (EVE, 0, 0)], 0)
        assert EVE in eve.locator(key(EXERCISES["class_banner"])).inner_text()
        for page in (trainer, eve):
            assert page.locator("img[src='x']").count() == 0
            assert page.get_by_text("Eve", exact=True).count() == 0  # no <em>Eve</em>

        # Nothing of the console reaches a learner, on Find the bug or on the Trainer page.
        assert bob.locator(key(TRAINER["room"])).count() == 0
        bob_trainer = open_app(learner_contexts[1], pages.address(learner_urls[1], pages.TRAINER))
        bob_trainer.locator(f"{key(TRAINER['new_submit'])} button").wait_for()
        assert bob_trainer.get_by_role("tab", name=PIN_TAB).count() == 1
        assert bob_trainer.locator(key(TRAINER["room"])).count() == 0
        assert "trainer PIN" not in bob_trainer.locator("[data-testid='stMain']").inner_text()
        bob_trainer.close()

        first, second = CLASS_SET[0], CLASS_SET[1]
        (first_bug,), (second_bug,) = first.bug_ids, second.bug_ids
        wrong_cause = next(option for option in first.cause_options if option != first_bug)
        answer(ada, first, [first_bug], [first_bug])  # right: 2 points
        title = BUGS[first_bug].title
        wait_for_chart(trainer, {(title, "right"): 1})
        expect_room(trainer, [(ADA, 1, 2), (BOB, 0, 0), (EVE, 0, 0)], 1)

        answer(bob, first, [wrong_cause], [first_bug])  # the fix alone: 1 point, the mistake missed
        answer(eve, first, [first_bug], [first_bug])
        goto_app(eve, eve.url)  # a reload continues at the next exercise, the score kept
        expect(eve.locator(key(EXERCISES["exercise"]))).to_contain_text(f"Exercise 2 of {COUNT}")
        expect(eve.locator(key(EXERCISES["score"]))).to_contain_text(f"2 / {POSSIBLE}")
        answer(eve, second, [], [])  # "I don't know"
        wait_for_chart(trainer, {(title, "right"): 2, (title, "missed"): 1, (BUGS[second_bug].title, "missed"): 1})
        expect_room(trainer, [(ADA, 1, 2), (BOB, 1, 1), (EVE, 2, 2)], 4)
        sent_to_bob = bob_traffic.from_server()
        assert bob_traffic.received and not [name for name in (ADA, EVE) if name.encode() in sent_to_bob]

        # Closed, once the trainer ticked the confirmation: a learner's next exercise can no longer be answered.
        confirm(trainer, "room_close_confirm", "room_close")
        expect_state(trainer, "closed")
        click_and_wait(ada, ada.locator(f"{key(EXERCISES['next'])} button"))
        expect(ada.locator(f"{key(EXERCISES['check'])} button")).to_be_disabled()
        expect(ada.get_by_text("This class is closed: your answers are kept, new ones are not taken.")).to_be_visible()

        # Reopened: Ada answers her second exercise after all; then the class is closed for good.
        click_and_wait(trainer, trainer.locator(f"{key(TRAINER['room_reopen'])} button:visible"))
        expect_state(trainer, "open")
        goto_app(ada, ada.url)
        answer(ada, second, [second_bug], [second_bug])
        expect_room(trainer, [(ADA, 2, 4), (BOB, 1, 1), (EVE, 2, 2)], 5)
        confirm(trainer, "room_close_confirm", "room_close")
        expect_state(trainer, "closed")

        with trainer.expect_download() as download:
            trainer.locator(f"{key(TRAINER['room_csv'])} button").click()
        with open(download.value.path(), newline="") as results:
            rows = [
                (row["display_name"], row["exercise"], row["causes_picked"], row["fixes_picked"], row["points"])
                for row in csv.DictReader(results)
            ]
        assert sorted(rows) == sorted(
            [
                (ADA, "1", first_bug, first_bug, "2"),
                (ADA, "2", second_bug, second_bug, "2"),
                (BOB, "1", wrong_cause, first_bug, "1"),
                (EVE, "1", first_bug, first_bug, "2"),
                (EVE, "2", "", "", "0"),
            ]
        )

        # Deleted, once the trainer ticked the confirmation: back at the forms, every learner's link names no place.
        confirm(trainer, "room_delete_confirm", "room_delete")
        trainer.locator(f"{key(TRAINER['new_submit'])} button").wait_for(timeout=ROOM_TIMEOUT)
        expect(trainer.locator(key(TRAINER["room"]))).to_have_count(0)
        assert f"{TRAINER['link_param']}=" not in trainer.url
        for learner in (ada, bob, eve):
            goto_app(learner, learner.url)
            expect(learner.get_by_text("names a class place that does not exist")).to_be_visible()
            assert learner.locator(key(EXERCISES["exercise"])).count() == 0
    finally:
        for context in contexts:
            context.close()
    assert dialogs == [], "a display name ran as script"


def open_with_pin(page, code, pin):
    """Type the join code and PIN into the Trainer page's PIN form and submit it."""
    page.get_by_role("tab", name=PIN_TAB).click()
    page.locator(f"{key(TRAINER['open_code'])} input").fill(code)
    page.locator(f"{key(TRAINER['open_pin'])} input").fill(pin)
    click_and_wait(page, page.locator(f"{key(TRAINER['open_submit'])} button"))


def test_the_projector_view_shows_the_code_large_and_nothing_secret_or_destructive(browser, streamlit_url):
    trainer_context, wall_context = new_context(browser), new_context(browser)
    wall_traffic = record_traffic(wall_context)
    try:
        trainer, code, pin = start_class(trainer_context, streamlit_url)
        trainer_key = trainer.url.split(f"{TRAINER['link_param']}=")[1]
        projector_address = trainer.get_by_role("link", name="Open the projector view").get_attribute("href")
        assert trainer_key not in projector_address
        wall = open_app(wall_context, pages.address(streamlit_url, pages.TRAINER) + projector_address)
        shown = wall.locator(key(TRAINER["projector_code"]))
        expect(shown).to_contain_text(code)
        label, letters = shown.get_by_text("Join code", exact=True), shown.get_by_text(code, exact=True)
        label_size, code_size = (float(e.evaluate("e => getComputedStyle(e).fontSize")[:-2]) for e in (label, letters))
        assert code_size >= 3 * label_size, (code_size, label_size)  # readable from the back of the room
        main = wall.locator("[data-testid='stMain']")
        expect(main.locator("[data-testid='stMetric']")).to_have_count(3)
        text = main.inner_text()
        assert "Signature Lab training" in text and pin not in text
        for name in ("Close", "Reopen", "Delete", "Results", "Leave", "Start the class", "Open the console"):
            assert main.get_by_role("button", name=re.compile(name)).count() == 0, name
        assert main.locator("[data-testid='stDownloadButton'], input").count() == 0
        everything = wall_traffic.everything()
        assert pin.encode() not in everything and trainer_key.encode() not in everything
    finally:
        trainer_context.close()
        wall_context.close()


def test_the_trainer_link_survives_a_reload_and_wrong_pins_from_a_learner_never_lock_it(browser, streamlit_url):
    trainer_context, learner_context, laptop_context = (new_context(browser) for _ in range(3))
    try:
        trainer, code, pin = start_class(trainer_context, streamlit_url)
        link = trainer.locator(f"{key(TRAINER['room_link'])} [data-testid='stCode']").inner_text().strip()
        assert link == trainer.url  # the link shown once, with st.code's copy button, is the page's address

        # A learner on the Trainer page guesses: five wrong PINs, then even the right one waits.
        guesser = open_app(learner_context, pages.address(streamlit_url, pages.TRAINER))
        for _ in range(FREE_PIN_TRIES):
            open_with_pin(guesser, code, f"{(int(pin) + 1) % 10**6:06d}")
            expect(guesser.get_by_text(WRONG_PIN)).to_be_visible()
        open_with_pin(guesser, code, pin)
        expect(guesser.get_by_text("Too many PIN tries")).to_be_visible()
        assert guesser.locator(key(TRAINER["room"])).count() == 0

        # The trainer reloads: the console is back, the link and PIN are not shown again; the link opens the
        # console on another computer as well, and its buttons work.
        goto_app(trainer, trainer.url)
        expect(trainer.locator(key(TRAINER["room"]))).to_contain_text(code)
        assert trainer.locator(key(TRAINER["room_link"])).count() == 0
        assert pin not in trainer.locator("[data-testid='stMain']").inner_text()
        laptop = open_app(laptop_context, link)
        expect(laptop.locator(key(TRAINER["room"]))).to_contain_text(code)
        confirm(laptop, "room_close_confirm", "room_close")
        expect_state(laptop, "closed")
        expect_state(trainer, "closed")  # the other console sees it at its next refresh
    finally:
        for context in (trainer_context, learner_context, laptop_context):
            context.close()


FOCUSED_LABEL = "(document.activeElement.getAttribute('aria-label') || document.activeElement.innerText || '').trim()"


def tab_to(page, label):
    """Press Tab until the focused element is labelled (or reads) `label`, at most through the page once."""
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_LABEL) == label:
            return
    raise AssertionError(f"Tab never reached {label!r}")


def expect_stored(learner, trainer, name, exercise):
    """The learner's page says the answer is saved and right, and the trainer's room counts it."""
    learner.locator(key(EXERCISES["saved"])).wait_for()
    expect(learner.locator(key(EXERCISES["feedback"]))).to_contain_text("Cause: right")
    expect(learner.locator(key(EXERCISES["feedback"]))).to_contain_text("Fix: right")
    expect_room(trainer, [(name, 1, POINTS_PER_EXERCISE)], 1)


# alone: under the other worker's load, Check clicked at once after Esc once sent nothing in a CI dry run (the
# run Esc starts redraws the form meanwhile); serial, it passed in every run.
@pytest.mark.alone
def test_the_first_check_after_a_page_load_with_lists_closed_by_esc_is_stored(browser, streamlit_url):
    """Issue 23: with both lists closed by Esc, the first click on Check after a page load sent nothing."""
    trainer_context, learner_context = new_context(browser), new_context(browser)
    try:
        trainer, code, _ = start_class(trainer_context, streamlit_url)
        learner = join(learner_context, streamlit_url, code, ADA)
        goto_app(learner, learner.url)  # a page load on the learner's own link
        exercise = CLASS_SET[0]
        (bug_id,) = exercise.bug_ids
        for part, label in (("causes", BUGS[bug_id].title), ("fixes", BUGS[bug_id].fix)):
            field = learner.locator(f"{key(EXERCISES[part].format(exercise_id=exercise.id))} input")
            field.scroll_into_view_if_needed()
            learner.evaluate(NEXT_FRAME)  # the list closes on a scroll: let the scroll's events pass first
            field.click()
            learner.keyboard.type(label)  # typing (re)opens the list, should a late scroll event have closed it
            learner.get_by_role("option", name=label, exact=True).click()
            learner.keyboard.press("Escape")  # closed by Esc, and Check clicked at once: no wait in between
        click_and_wait(learner, learner.locator(f"{key(EXERCISES['check'])} button"))
        expect_stored(learner, trainer, ADA, exercise)
    finally:
        trainer_context.close()
        learner_context.close()


def test_a_learner_answers_with_the_keyboard_only(browser, streamlit_url):
    trainer_context, learner_context = new_context(browser), new_context(browser)
    try:
        trainer, code, _ = start_class(trainer_context, streamlit_url)
        learner = join(learner_context, streamlit_url, code, BOB)
        goto_app(learner, learner.url)
        exercise = CLASS_SET[0]
        (bug_id,) = exercise.bug_ids
        count = len(exercise.bug_ids)
        for label, choice in ((f"Cause — pick {count}", BUGS[bug_id].title), (f"Fix — pick {count}", BUGS[bug_id].fix)):
            tab_to(learner, label)
            learner.keyboard.type(choice)
            learner.get_by_role("option", name=choice, exact=True).wait_for()
            learner.keyboard.press("Enter")
            learner.keyboard.press("Escape")
        tab_to(learner, "Check")
        with run_finished(learner):
            learner.keyboard.press("Enter")
        expect_stored(learner, trainer, BOB, exercise)
    finally:
        trainer_context.close()
        learner_context.close()
