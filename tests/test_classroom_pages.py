"""The classroom through the pages (AppTest), on SQLite and PostgreSQL: a learner joins and answers, a reload
continues, the trainer starts, opens, closes and deletes a class, and wrong input or a database that cannot
be reached gives a message on the page, never a traceback."""

import time

import pytest
from sqlalchemy import MetaData, create_engine, select
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from lib import widget_keys
from lib.classroom import access, store
from lib.classroom.database import URL_VARIABLE, head_revision
from lib.classroom.room import room_results
from lib.classroom.schema import NAME_LENGTH, classes
from lib.mistakes.catalogue import BUGS
from lib.training.exercises import exercise_set
from lib.zoom.facts import ENV_SDK_KEY, ENV_SDK_SECRET
from lib.zoom.families import FAMILIES, MEETING_WEB, SDK_FAMILIES
from support import pages
from support.apptest import submit_form
from support.paths import APP_FILE
from ui import classroom as ui_classroom

LEARN = widget_keys.EXERCISES
TEACH = widget_keys.TRAINER
SECRET = "Wq8sL0xN3vR7tY2uI9oP4aS6dF1gH5jK"
FREE_TRIES = 5  # PIN tries before a wait (docs/classroom.md), written out


@pytest.fixture
def database(classroom_engine, classroom_url, monkeypatch):
    """The pages' classroom database is the test's (the environment variable wins over the default file)."""
    monkeypatch.setenv(URL_VARIABLE, classroom_url)
    return classroom_engine


def app_on(path, learner_key=None, **query):
    """The page at `path`, opened on an address with this learner key or these query parameters."""
    at = AppTest.from_file(APP_FILE, default_timeout=30)
    if learner_key:
        at.query_params[widget_keys.LEARNER_PARAM] = learner_key
    for name, value in query.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(path).run()
    assert not at.exception, at.exception
    return at


def join(at, code, name):
    at.text_input(key=LEARN["class_code"]).set_value(code)
    at.text_input(key=LEARN["class_name"]).set_value(name)
    at.button(key=LEARN["class_join"]).click().run()
    assert not at.exception, at.exception
    return at


def answer(at, exercise, right=True):
    picked = list(exercise.bug_ids) if right else []
    at.multiselect(key=LEARN["causes"].format(exercise_id=exercise.id)).set_value(picked)
    at.multiselect(key=LEARN["fixes"].format(exercise_id=exercise.id)).set_value(picked)
    at.button(key=LEARN["check"]).click().run()
    assert not at.exception, at.exception
    return at


def texts(at):
    return " ".join(
        e.value for kind in ("markdown", "caption", "error", "warning", "info", "success") for e in at.get(kind)
    )


def everything_stored(engine) -> str:
    metadata = MetaData()
    metadata.reflect(engine)
    with engine.connect() as connection:
        return " ".join(str(row) for table in metadata.sorted_tables for row in connection.execute(select(table)))


def test_a_learner_joins_answers_and_a_reload_continues_at_the_next_exercise(database):
    session = store.create_class(database, "Team <b>A</b>", 7, "easy", 3, 1e12 - 1).session
    exercises = exercise_set(7, "easy", 3)
    at = join(app_on(pages.EXERCISES.path), store.shown_join_code(session.join_code).lower(), "Ann *star*")
    key = at.query_params[widget_keys.LEARNER_PARAM]
    banner = at.get("markdown")[0].value
    assert "Team \\<b\\>A\\</b\\>" in banner and "Ann \\*star\\*" in banner  # shown as typed, not as markup
    answer(at, exercises[0])
    assert "Saved for your trainer" in texts(at)
    assert at.metric[0].value == "2 / 6"
    assert sorted(store.learner_answers(database, store.learner_by_key(database, key)[0])) == [1]

    again = app_on(pages.EXERCISES.path, learner_key=key)  # a reload: a new session, the same address
    assert again.metric[0].value == "2 / 6"
    assert again.get("multiselect")[0].key == LEARN["causes"].format(exercise_id=exercises[1].id)
    answer(again, exercises[1], right=False)
    assert again.metric[0].value == "2 / 6"
    assert [p.answered for p in room_results(database, session).learners] == [2]

    again.button(key=LEARN["class_leave"]).click().run()  # someone else joins in this tab: their own place
    join(again, session.join_code, "Bo")
    assert again.get("multiselect")[0].key == LEARN["causes"].format(exercise_id=exercises[0].id)
    assert again.metric[0].value == "0 / 6"


def test_an_old_tab_answering_an_answered_exercise_says_which_answer_was_kept(database):
    session = store.create_class(database, "Team", 7, "easy", 3, 1e12 - 1).session
    exercise = exercise_set(7, "easy", 3)[0]
    key = join(app_on("pages/find_the_bug.py"), session.join_code, "Ann").query_params[widget_keys.LEARNER_PARAM]
    old_tab = app_on("pages/find_the_bug.py", learner_key=key)  # opened before the answer below, still on exercise 1
    answer(app_on("pages/find_the_bug.py", learner_key=key), exercise)  # answered right in another tab
    answer(old_tab, exercise, right=False)
    assert "Already answered on " in texts(old_tab) and "That answer is the one kept" in texts(old_tab)
    assert "Cause: right" in texts(old_tab)  # the verdict shown is the kept answer's, and says so


def test_a_wrong_code_is_explained_and_nobody_joins(database):
    store.create_class(database, "Team", 7, "easy", 3, 1e12 - 1)
    at = join(app_on(pages.EXERCISES.path), "7KQM-3XH0", "Ann")
    assert "never 0, 1, I or O; found 0" in texts(at)
    assert widget_keys.LEARNER_PARAM not in at.query_params
    at = join(at, "2222-2222", "Ann")
    assert "No class has this join code" in texts(at)
    assert "Ann" not in everything_stored(database)


def test_a_pasted_name_over_the_limit_gets_a_message(database):
    """Issue 23: the name field cut a long paste at 40 characters without a word; now the field takes it
    and the page says what is wrong."""
    session = store.create_class(database, "Team", 7, "easy", 3, 1e12 - 1).session
    at = app_on("pages/find_the_bug.py")
    assert at.text_input(key=LEARN["class_name"]).max_chars > NAME_LENGTH
    long_name = "A" * (NAME_LENGTH + 1)
    at = join(at, store.shown_join_code(session.join_code), long_name)
    assert f"at most {NAME_LENGTH} characters; this one has {NAME_LENGTH + 1}" in texts(at)
    assert long_name not in everything_stored(database)


def test_a_secret_typed_on_another_page_never_reaches_the_database(database, monkeypatch):
    session = store.create_class(database, "Team", 7, "easy", 3, 1e12 - 1).session
    at = app_on(pages.BUILDER.path)
    submit_form(at, widget_keys.BUILDER["submit"], [(at.text_input(key=widget_keys.BUILDER["sdk_secret"]), SECRET)])
    at.switch_page(pages.EXERCISES.path).run()
    at = join(at, session.join_code, f"Ann {SECRET}")
    assert "contains an SDK secret typed on another page" in texts(at)
    monkeypatch.setenv(ENV_SDK_KEY, "ConfiguredKey123")
    monkeypatch.setenv(ENV_SDK_SECRET, SECRET[::-1])
    at = join(at, session.join_code, SECRET[::-1][:10])  # the server's own secret is refused too
    assert "contains an SDK secret" in texts(at)
    at = join(at, session.join_code, "Ann")
    answer(at, exercise_set(7, "easy", 3)[0])
    stored = everything_stored(database)
    assert "Ann" in stored and SECRET[:8] not in stored and SECRET[::-1][:8] not in stored


def test_a_link_to_no_place_says_so_and_offers_practice(database):
    at = app_on(pages.EXERCISES.path, learner_key="no-such-key")
    assert "does not exist" in texts(at)
    at.button(key=LEARN["class_leave"]).click().run()
    assert widget_keys.LEARNER_PARAM not in at.query_params
    assert at.number_input(key=LEARN["seed"]).value == 42


LINK, PROJECTOR = TEACH["link_param"], TEACH["projector_param"]


def all_nodes_text(at) -> str:
    """Every element the script sent, protobuf and all: what a browser would receive of the page."""
    parts = []

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return " ".join(parts)


def start_class(count=4, title=None, sdk=None):
    """The Trainer page of a trainer who has just started a class: the page and its link's key."""
    at = app_on(pages.TRAINER.path)
    if title:
        at.text_input(key=TEACH["new_title"]).set_value(title)
    if sdk:
        at.selectbox(key=TEACH["new_family"]).set_value(sdk)
    at.number_input(key=TEACH["new_count"]).set_value(count)
    at.button(key=TEACH["new_submit"]).click().run()
    assert not at.exception, at.exception
    return at, at.query_params[LINK]


def console(trainer_key):
    """The Trainer page opened on the trainer link (a reload, or another computer)."""
    return app_on(pages.TRAINER.path, **{LINK: trainer_key})


def open_with_pin(at, code, pin):
    at.text_input(key=TEACH["open_code"]).set_value(code)
    at.text_input(key=TEACH["open_pin"]).set_value(pin)
    at.button(key=TEACH["open_submit"]).click().run()
    assert not at.exception, at.exception
    return at


def wrong(pin):
    return f"{(int(pin) + 1) % 10**6:06d}"


def test_the_trainer_starts_a_class_sees_its_link_and_pin_once_and_a_reload_keeps_the_console(database):
    at, key = start_class(title="Room <script>alert(1)</script>")
    session = access.console_class(database, key)
    pin = at.session_state[TEACH["new_pin"]]
    assert len(key) >= 43 and session is not None
    (link,) = at.code
    assert link.value.endswith(f"?{LINK}={key}")  # st.code: shown with its copy button
    assert f"`{pin}`" in texts(at) and store.shown_join_code(session.join_code) in texts(at)
    assert session.exercise_count == 4 and session.difficulty == "medium"
    assert "Room \\<script\\>" in texts(at)
    assert session.family == MEETING_WEB  # the form's default SDK
    assert f"Seed {session.seed} · medium · 4 exercises · for the {FAMILIES[MEETING_WEB].title}" in texts(at)
    assert at.get("download_button")[0].proto.label == "This class's handout (Markdown)"

    reloaded = console(key)  # a reload: a new session on the same address
    assert store.shown_join_code(session.join_code) in texts(reloaded)
    assert reloaded.button(key=TEACH["room_close"]) and reloaded.button(key=TEACH["room_delete"])
    assert pin not in all_nodes_text(reloaded) and not reloaded.code  # the PIN and the link: shown once only


def test_the_pin_opens_the_console_with_a_fresh_link_and_the_old_one_stops(database):
    started = store.create_class(database, "Team", 7, "easy", 4, time.time())
    learner = join(app_on(pages.EXERCISES.path), started.session.join_code, "Bo")
    answer(learner, exercise_set(7, "easy", 4)[0])

    other = open_with_pin(app_on(pages.TRAINER.path), started.session.join_code, wrong(started.pin))
    assert "This join code and PIN do not open a class" in texts(other)
    assert other.text_input(key=TEACH["open_pin"]).value == ""  # never left in the field
    assert LINK not in other.query_params
    open_with_pin(other, started.session.join_code, started.pin)
    fresh = other.query_params[LINK]
    assert fresh != started.trainer_key and other.code[0].value.endswith(f"?{LINK}={fresh}")
    assert started.pin not in all_nodes_text(other)  # the PIN is shown only where the class was created
    assert [m.value for m in other.metric] == ["1", "1 / 4", other.metric[2].value]
    assert other.dataframe[0].value["learner"].tolist() == ["Bo"]
    (chart,) = other.get("vega_lite_chart")
    values = convert_arrow_bytes_to_pandas_df(chart.proto.data.data).to_dict("records")  # the chart's data
    mistake = BUGS[exercise_set(7, "easy", 4)[0].bug_ids[0]].title
    assert {"mistake": mistake, "answers": "right", "count": 1} in values
    assert {"mistake": mistake, "answers": "missed", "count": 0} in values
    assert "opens no class" in texts(console(started.trainer_key))  # the lost link no longer opens the console


def test_the_projector_view_shows_the_code_title_counts_and_chart_and_nothing_to_act_on(database):
    at, key = start_class(title="Projected room")
    pin = at.session_state[TEACH["new_pin"]]
    session = access.console_class(database, key)
    learner = join(app_on(pages.EXERCISES.path), session.join_code, "Bo")
    answer(learner, exercise_set(session.seed, session.difficulty, 4)[0])
    projector = app_on(pages.TRAINER.path, **{PROJECTOR: store.shown_join_code(session.join_code)})
    shown = texts(projector)
    assert "Projected room · open" in projector.title[0].value
    assert store.shown_join_code(session.join_code) in shown and "Join code" in shown
    assert [m.label for m in projector.metric] == ["Learners", "Answers", "Room's score"]
    assert projector.metric[1].value == "1 / 4" and projector.get("vega_lite_chart")
    drawn = all_nodes_text(projector)
    assert pin not in drawn and key not in drawn and store.key_hash(key) not in drawn
    assert not projector.button and not projector.get("download_button") and not projector.text_input
    assert "Bo" not in drawn  # no learner's name or score on the wall


@pytest.mark.parametrize("sdk", ["native", "video"])
def test_a_class_of_another_sdk_gives_its_learners_that_sdk_s_exercises(database, sdk):
    """The trainer picks the SDK; the console, the projector and the learner's banner say it, and a learner who
    joins gets that SDK's set and their answer is stored against it."""
    family = SDK_FAMILIES[sdk]
    at, key = start_class(count=3, sdk=sdk)
    session = access.console_class(database, key)
    title = FAMILIES[family].title
    assert session.family == family and f"3 exercises · for the {title}" in texts(at)
    projector = app_on(pages.TRAINER.path, **{PROJECTOR: session.join_code})
    assert f"Exercises for the {title}." in texts(projector)
    exercises = exercise_set(session.seed, session.difficulty, 3, family)
    learner = join(app_on(pages.EXERCISES.path), session.join_code, "Ann")
    assert f"exercises for the {title}" in learner.get("markdown")[0].value
    assert exercises[0].shown in [c.value for c in learner.code] and exercises[0].family == family
    answer(learner, exercises[0])
    stored = store.learner_answers(
        database, store.learner_by_key(database, learner.query_params[widget_keys.LEARNER_PARAM])[0]
    )
    assert stored[1].mistakes == exercises[0].bug_ids and stored[1].points == 2


@pytest.mark.parametrize(
    "code, says", [("2222-2222", "No class has this join code"), ("not-a-code", "no class's code")]
)
def test_a_projector_address_without_a_class_says_so(database, code, says):
    start_class()
    assert says in texts(app_on(pages.TRAINER.path, **{PROJECTOR: code}))


def confirm_and_press(at, tick, button):
    """Tick a console button's confirmation, then press the button it enabled."""
    at.checkbox(key=TEACH[tick]).check().run()
    assert not at.button(key=TEACH[button]).disabled
    at.button(key=TEACH[button]).click().run()
    assert not at.exception, at.exception


def test_close_asks_for_a_confirmation_and_a_closed_class_reopens(database):
    at, key = start_class()
    session = access.console_class(database, key)
    learner = join(app_on(pages.EXERCISES.path), session.join_code, "Cy")

    assert at.button(key=TEACH["room_close"]).disabled  # not before the confirmation is ticked
    at.checkbox(key=TEACH["room_close_confirm"]).check().run()
    at.checkbox(key=TEACH["room_close_confirm"]).uncheck().run()
    assert at.button(key=TEACH["room_close"]).disabled and store.class_by_id(database, session.id).closed_at is None

    confirm_and_press(at, "room_close_confirm", "room_close")
    assert store.class_by_id(database, session.id).closed_at is not None
    learner.run()
    assert "This class is closed" in texts(learner)
    assert learner.button(key=LEARN["check"]).disabled

    at.button(key=TEACH["room_reopen"]).click().run()
    assert store.class_by_id(database, session.id).closed_at is None
    assert not at.checkbox(key=TEACH["room_close_confirm"]).value  # closing again asks again
    assert at.button(key=TEACH["room_close"]).disabled
    learner.run()
    answer(learner, exercise_set(session.seed, session.difficulty, 4)[0])
    assert "Saved for your trainer" in texts(learner)


def test_an_expired_class_cannot_be_reopened(database):
    _, key = start_class()
    session = access.console_class(database, key)
    store.close_class(database, session.id, session.created_at)
    with database.begin() as connection:  # as if its twelve hours had passed
        connection.execute(classes.update().values(expires_at=session.created_at - 1))
    at = console(key)
    assert at.button(key=TEACH["room_reopen"]).disabled
    assert "· closed" in texts(at)


def test_a_class_that_expires_before_reopen_is_pressed_says_so(database):
    at, key = start_class()
    session = access.console_class(database, key)
    store.close_class(database, session.id, session.created_at)
    at.run()  # the console offers Reopen
    with database.begin() as connection:  # the twelve hours end before the trainer presses it
        connection.execute(classes.update().values(expires_at=session.created_at - 1))
    at.button(key=TEACH["room_reopen"]).click().run()
    assert not at.exception, at.exception
    assert "cannot be reopened; start a new class" in texts(at)
    assert store.class_by_id(database, session.id).closed_at == session.created_at


def test_deleting_asks_for_a_confirmation_and_leaves_nothing(database):
    at, key = start_class()
    session = access.console_class(database, key)
    learner = join(app_on(pages.EXERCISES.path), session.join_code, "Cy")
    learner_key = learner.query_params[widget_keys.LEARNER_PARAM]

    at.run()
    assert at.button(key=TEACH["room_delete"]).disabled  # not before the confirmation is ticked
    tick = at.checkbox(key=TEACH["room_delete_confirm"])
    assert tick.label == "Yes, delete the class, its 1 learners and their 0 answers"
    confirm_and_press(at, "room_delete_confirm", "room_delete")
    assert LINK not in at.query_params and at.button(key=TEACH["new_submit"])  # back at the forms
    assert everything_stored(database) == f"('{head_revision()}',)"  # only alembic_version's row is left
    assert "does not exist" in texts(app_on(pages.EXERCISES.path, learner_key=learner_key))
    assert "opens no class" in texts(console(key))


def test_wrong_pins_from_a_learner_never_lock_the_trainer_holding_the_link(database):
    at, key = start_class()
    session = access.console_class(database, key)
    pin = at.session_state[TEACH["new_pin"]]
    learner = app_on(pages.TRAINER.path)
    for _ in range(FREE_TRIES):
        assert "do not open a class" in texts(open_with_pin(learner, session.join_code, wrong(pin)))
    open_with_pin(learner, session.join_code, pin)  # even the right PIN waits now
    assert "Too many PIN tries" in texts(learner) and LINK not in learner.query_params
    assert "Too many PIN tries" in texts(open_with_pin(app_on(pages.TRAINER.path), session.join_code, pin))

    trainer = console(key)  # the link holder: a reload, then Close, as if nothing happened
    confirm_and_press(trainer, "room_close_confirm", "room_close")
    assert store.class_by_id(database, session.id).closed_at is not None


@pytest.mark.parametrize("tries, opens", [(FREE_TRIES - 1, True), (FREE_TRIES, False)])
def test_a_browser_session_waits_after_its_free_tries_even_from_new_sources(database, monkeypatch, tries, opens):
    at, key = start_class()
    session = access.console_class(database, key)
    pin = at.session_state[TEACH["new_pin"]]
    sources = iter(f"203.0.113.{n}" for n in range(100))
    monkeypatch.setattr(ui_classroom, "client_source", lambda: next(sources))
    guesser = app_on(pages.TRAINER.path)
    for _ in range(tries):
        open_with_pin(guesser, session.join_code, wrong(pin))
    open_with_pin(guesser, session.join_code, pin)
    assert (LINK in guesser.query_params) == opens
    assert ("Too many PIN tries" in texts(guesser)) != opens


@pytest.mark.postgres
def test_an_unreachable_database_is_a_message_on_both_pages(postgres_server_url, monkeypatch):
    from sqlalchemy.engine import make_url

    monkeypatch.setenv(URL_VARIABLE, make_url(postgres_server_url).set(port=1).render_as_string(hide_password=False))
    at = join(app_on(pages.EXERCISES.path), "2222-2222", "Ann")
    assert "cannot be reached" in texts(at) and "Nothing was saved" in texts(at)
    learner = app_on(pages.EXERCISES.path, learner_key="some-key")
    assert "cannot be reached" in texts(learner)
    trainer = app_on(pages.TRAINER.path)
    trainer.button(key=TEACH["new_submit"]).click().run()
    assert not trainer.exception, trainer.exception
    assert "cannot be reached" in texts(trainer)
    assert make_url(postgres_server_url).password not in texts(trainer)


def test_an_engine_is_only_made_for_the_class_pages(tmp_path, monkeypatch):
    """Practice needs no database: without a class, Find the bug creates no file."""
    url = f"sqlite:///{tmp_path / 'never.sqlite3'}"
    monkeypatch.setenv(URL_VARIABLE, url)
    at = app_on(pages.EXERCISES.path)
    answer(at, exercise_set(42, "easy")[0])
    assert at.metric[0].value == "2 / 12"
    assert not (tmp_path / "never.sqlite3").exists()
    create_engine(url).dispose()
