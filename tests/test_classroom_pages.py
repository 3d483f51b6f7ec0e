"""The classroom through the pages (AppTest), on SQLite and PostgreSQL: a learner joins and answers, a reload
continues, the trainer starts, opens, closes and deletes a class, and wrong input or a database that cannot
be reached gives a message on the page, never a traceback."""

import pytest
from sqlalchemy import MetaData, create_engine, select
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from lib import widget_keys
from lib.classroom import store
from lib.classroom.database import URL_VARIABLE, head_revision
from lib.classroom.room import room_results
from lib.classroom.schema import NAME_LENGTH
from lib.mistakes.catalogue import BUGS
from lib.training.exercises import exercise_set
from lib.zoom.facts import ENV_SDK_KEY, ENV_SDK_SECRET
from support import pages
from support.apptest import submit_form
from support.paths import APP_FILE

LEARN = widget_keys.EXERCISES
TEACH = widget_keys.TRAINER
SECRET = "Wq8sL0xN3vR7tY2uI9oP4aS6dF1gH5jK"


@pytest.fixture
def database(classroom_engine, classroom_url, monkeypatch):
    """The pages' classroom database is the test's (the environment variable wins over the default file)."""
    monkeypatch.setenv(URL_VARIABLE, classroom_url)
    return classroom_engine


def app_on(path, learner_key=None):
    at = AppTest.from_file(APP_FILE, default_timeout=30)
    if learner_key:
        at.query_params[widget_keys.LEARNER_PARAM] = learner_key
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
    session, _ = store.create_class(database, "Team <b>A</b>", 7, "easy", 3, 1e12 - 1)
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
    session, _ = store.create_class(database, "Team", 7, "easy", 3, 1e12 - 1)
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
    session, _ = store.create_class(database, "Team", 7, "easy", 3, 1e12 - 1)
    at = app_on("pages/find_the_bug.py")
    assert at.text_input(key=LEARN["class_name"]).max_chars > NAME_LENGTH
    long_name = "A" * (NAME_LENGTH + 1)
    at = join(at, store.shown_join_code(session.join_code), long_name)
    assert f"at most {NAME_LENGTH} characters; this one has {NAME_LENGTH + 1}" in texts(at)
    assert long_name not in everything_stored(database)


def test_a_secret_typed_on_another_page_never_reaches_the_database(database, monkeypatch):
    session, _ = store.create_class(database, "Team", 7, "easy", 3, 1e12 - 1)
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


def test_the_trainer_starts_a_class_and_another_session_opens_it_with_the_pin(database):
    at = app_on(pages.TRAINER.path)
    at.text_input(key=TEACH["new_title"]).set_value("Room <script>alert(1)</script>")
    at.number_input(key=TEACH["new_count"]).set_value(4)
    at.button(key=TEACH["new_submit"]).click().run()
    assert not at.exception, at.exception
    pin = at.session_state[TEACH["new_pin"]]
    (session,) = [store.class_by_id(database, at.session_state[TEACH["class_id"]])]
    assert session.exercise_count == 4 and session.difficulty == "medium"
    assert f"`{pin}`" in texts(at) and store.shown_join_code(session.join_code) in texts(at)
    assert "Room \\<script\\>" in texts(at)
    assert f"Seed {session.seed} · medium · 4 exercises" in texts(at)  # the class's set, in the live view
    assert at.get("download_button")[0].proto.label == "This class's handout (Markdown)"

    learner = join(app_on(pages.EXERCISES.path), session.join_code, "Bo")
    answer(learner, exercise_set(session.seed, "medium", 4)[0])

    other = app_on(pages.TRAINER.path)
    other.text_input(key=TEACH["open_code"]).set_value(session.join_code)
    other.text_input(key=TEACH["open_pin"]).set_value(f"{(int(pin) + 1) % 10**6:06d}")
    other.button(key=TEACH["open_submit"]).click().run()
    assert "This join code and PIN do not open a class" in texts(other)
    assert other.text_input(key=TEACH["open_pin"]).value == ""  # never left in the field
    other.text_input(key=TEACH["open_code"]).set_value(session.join_code)
    other.text_input(key=TEACH["open_pin"]).set_value(pin)
    other.button(key=TEACH["open_submit"]).click().run()
    assert not other.exception, other.exception
    assert pin not in texts(other)  # the PIN is shown only where the class was created
    assert [m.value for m in other.metric] == ["1", "1 / 4", other.metric[2].value]
    assert other.dataframe[0].value["learner"].tolist() == ["Bo"]
    (chart,) = other.get("vega_lite_chart")
    values = convert_arrow_bytes_to_pandas_df(chart.proto.data.data).to_dict("records")  # the chart's data
    mistake = BUGS[exercise_set(session.seed, "medium", 4)[0].bug_ids[0]].title
    assert {"mistake": mistake, "answers": "right", "count": 1} in values
    assert {"mistake": mistake, "answers": "missed", "count": 0} in values


def test_closing_stops_answers_and_deleting_leaves_nothing(database):
    at = app_on(pages.TRAINER.path)
    at.button(key=TEACH["new_submit"]).click().run()
    session = store.class_by_id(database, at.session_state[TEACH["class_id"]])
    learner = join(app_on(pages.EXERCISES.path), session.join_code, "Cy")
    key = learner.query_params[widget_keys.LEARNER_PARAM]

    at.button(key=TEACH["room_close"]).click().run()
    assert store.class_by_id(database, session.id).closed_at is not None
    learner.run()
    assert "This class is closed" in texts(learner)
    assert learner.button(key=LEARN["check"]).disabled

    assert at.button(key=TEACH["room_delete"]).disabled  # not before the box is ticked
    at.checkbox(key=TEACH["room_delete_confirm"]).check().run()
    at.button(key=TEACH["room_delete"]).click().run()
    assert not at.exception, at.exception
    assert TEACH["class_id"] not in at.session_state
    assert everything_stored(database) == f"('{head_revision()}',)"  # only alembic_version's row is left
    assert "does not exist" in texts(app_on(pages.EXERCISES.path, learner_key=key))


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
