"""The Lessons, Find the bug and Trainer pages through Streamlit's AppTest."""

import html
import json
import time

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from lib.builder.form import FormInput
from lib.classroom import store
from lib.classroom.database import URL_VARIABLE
from lib.mistakes.catalogue import BUGS
from lib.present.html import mark_style
from lib.training.exercises import (
    DEFAULT_SEED,
    POINTS_PER_EXERCISE,
    SET_SIZE,
    corrected_code,
    exercise_set,
    grade,
)
from lib.training.lessons import LESSON_KEYS, LESSONS_BY_KEY
from lib.training.signers import SIGNERS
from lib.training.trainer import AGENDA, handout_markdown, presenter_slides
from lib.widget_keys import EXERCISES, LEARNER_PARAM, LESSONS, SHARED_FORM, TRAINER
from lib.zoom.families import FAMILIES, MEETING_NATIVE, MEETING_WEB, VIDEO
from support import pages
from support.apptest import open_app_page
from support.credentials import clear_configured_credentials
from support.paths import APP_FILE

SECRET = "training-pages-secret-0123456789-abcdefgh"
LEARNER = FormInput("LearnerKey0123", SECRET, "857 4606 5432", 1)


def open_page(monkeypatch, path, shared=None):
    clear_configured_credentials(monkeypatch)
    return open_app_page(path, {SHARED_FORM: shared} if shared is not None else None)


def click(at, key):
    at.button(key=key).click().run()
    assert not at.exception, at.exception
    return at


def rendered(at):
    return "\n".join(str(element.proto) for element in at.main)


def html_bodies(at):
    return "\n".join(element.proto.body for element in at.get("html"))


def in_html(at, text):
    return html.escape(text) in html_bodies(at)


@pytest.fixture
def downloads(monkeypatch):
    """The bytes of every file a download button offers, by file name (AppTest keeps no media server)."""
    files = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        files[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return files


# ------------------------------------------------------------------------------------------ lessons


def test_lessons_walk_the_whole_path_on_the_learners_inputs_without_showing_the_secret(monkeypatch):
    at = open_page(monkeypatch, pages.LESSONS.path, shared=LEARNER)
    assert at.button(key=LESSONS["previous"]).disabled
    for index, key in enumerate(LESSON_KEYS):
        assert at.selectbox(key=LESSONS["choose"]).value == key
        lesson = LESSONS_BY_KEY[key]
        assert any(lesson.title in h.value for h in at.header)
        assert SECRET not in rendered(at), key
        if lesson.bug_id:
            bug = BUGS[lesson.bug_id]
            codes = [c.value for c in at.code]
            assert {bug.js_before, bug.js_after, bug.py_before, bug.py_after} <= set(codes)
            if not at.session_state[LESSONS["python"]]:  # closed (as on the first bug lesson): no source drawn
                assert not any(code.startswith("def bug_demo(") for code in codes)
                at.session_state[LESSONS["python"]] = True  # what opening the expander sends
                codes = [c.value for c in at.run().code]
            assert any(code.startswith("def bug_demo(") for code in codes)  # the code that ran the demo
            assert any(lesson.look_at in m.value for m in at.markdown)
            assert any(bug.symptom in m.value for m in at.markdown)
            if "payload_json" in bug.steps and not lesson.public_credentials:  # the demo signs the learner's inputs
                assert "LearnerKey0123" in html_bodies(at)
        if index + 1 < len(LESSON_KEYS):
            click(at, LESSONS["next"])
    assert at.button(key=LESSONS["next"]).disabled
    assert at.session_state[LESSONS["seen"]] == set(LESSON_KEYS)
    click(at, LESSONS["previous"])
    assert at.selectbox(key=LESSONS["choose"]).value == LESSON_KEYS[-2]


def test_the_jwt_lessons_use_the_builders_inputs(monkeypatch):
    at = open_page(monkeypatch, pages.LESSONS.path, shared=LEARNER)
    assert any('"mn":"85746065432","role":1' in c.value for c in at.code)
    at.selectbox(key=LESSONS["choose"]).select("claims").run()
    table = str(at.table[0].proto)
    assert "85746065432" in table and "tokenExp" in table


def buggy_mark(char):
    return f'<mark class="sl-buggy" style="{mark_style("buggy")}">{char}</mark>'


def test_the_base64_lesson_encodes_what_the_learner_types(monkeypatch):
    at = open_page(monkeypatch, pages.LESSONS.path)
    at.selectbox(key=LESSONS["choose"]).select("base64url").run()
    assert f"eyJhcHBLZXkiOiJrZXl{buggy_mark('+')}P34{buggy_mark('/')}" in html_bodies(at)
    at.text_input(key=LESSONS["base64_text"]).set_value("é?>~").run()
    assert f"w6k{buggy_mark('/')}Pn4{buggy_mark('=')}" in html_bodies(at)


def test_lessons_without_the_builder_use_the_demo_values(monkeypatch):
    at = open_page(monkeypatch, pages.LESSONS.path)
    assert any("demo values" in c.value for c in at.caption)
    at.selectbox(key=LESSONS["choose"]).select("standard_base64_segments").run()
    assert "sl-buggy" in html_bodies(at)  # the demo shows the mistake even if the demo key would not


# ------------------------------------------------------------------------------------------ exercises


def score_shown(at):
    return at.metric[0].value


def answer_fields(at, exercise):
    return [w for w in at.multiselect if w.key == EXERCISES["causes"].format(exercise_id=exercise.id)]


def answer(at, exercise, causes, fixes):
    at.multiselect(key=EXERCISES["causes"].format(exercise_id=exercise.id)).set_value(list(causes))
    at.multiselect(key=EXERCISES["fixes"].format(exercise_id=exercise.id)).set_value(list(fixes))
    return click(at, EXERCISES["check"])


def test_a_full_seeded_set_is_answered_and_scored(monkeypatch, downloads):
    seed, total = 7, POINTS_PER_EXERCISE * SET_SIZE
    at = open_page(monkeypatch, pages.EXERCISES.path)
    assert at.get("download_button")[0].disabled  # nothing answered yet
    at.number_input(key=EXERCISES["seed"]).set_value(seed).run()
    at.selectbox(key=EXERCISES["difficulty"]).select("hard").run()
    expected = 0
    for index, exercise in enumerate(exercise_set(seed, "hard")):
        assert any(f"Exercise {exercise.number} of {SET_SIZE}" in h.value for h in at.header)
        assert exercise.shown in [c.value for c in at.code]
        wrong = next(b for b in exercise.cause_options if b not in exercise.bug_ids)
        if index % 3 == 0:  # both right
            answer(at, exercise, exercise.bug_ids, reversed(exercise.bug_ids))
            expected += 2
        elif index % 3 == 1:  # one cause missing, an extra one picked; the fixes right
            answer(at, exercise, (exercise.bug_ids[0], wrong), exercise.bug_ids)
            expected += 1
        else:  # "I don't know": the feedback names the answer
            answer(at, exercise, (), ())
            answer_titles = ", ".join(f"“{BUGS[b].title}”" for b in exercise.bug_ids)
            answer_fixes = ", ".join(f"“{BUGS[b].fix}”" for b in exercise.bug_ids)
            assert any(e.value.startswith("Cause: not quite") and answer_titles in e.value for e in at.error)
            assert any(e.value.startswith("Fix: not quite") and answer_fixes in e.value for e in at.error)
        assert score_shown(at) == f"{expected} / {total}"
        assert not answer_fields(at, exercise)  # answered: the form gives way to the feedback
        for bug_id in exercise.bug_ids:  # the explanation follows every answer, with the lines as they should be
            assert any(BUGS[bug_id].why in m.value for m in at.markdown)
            corrected = corrected_code(exercise, bug_id)
            assert corrected is None or corrected[1] in [c.value for c in at.code]
        if exercise.kind == "code":
            assert any(f"({SIGNERS[exercise.language].label})" in m.value for m in at.markdown)
        if index + 1 < SET_SIZE:
            click(at, EXERCISES["next"])
    assert any("Set complete" in s.value for s in at.success)
    results = json.loads(downloads["signature-lab-results.json"])
    assert results["score"] == {"points": expected, "possible": total, "answered": SET_SIZE}
    assert [a["number"] for a in results["attempts"]] == list(range(1, SET_SIZE + 1))


def test_an_answer_counts_once_and_previous_shows_its_feedback(monkeypatch):
    at = open_page(monkeypatch, pages.EXERCISES.path)
    first = exercise_set(DEFAULT_SEED, "easy")[0]
    answer(at, first, first.bug_ids, first.bug_ids)
    click(at, EXERCISES["next"])
    click(at, EXERCISES["previous"])
    assert not answer_fields(at, first)
    assert any("Cause: right" in s.value for s in at.success)
    assert score_shown(at) == f"2 / {POINTS_PER_EXERCISE * SET_SIZE}"


def test_two_sessions_never_see_each_others_answers(monkeypatch):
    first = exercise_set(DEFAULT_SEED, "easy")[0]
    alice = open_page(monkeypatch, pages.EXERCISES.path)
    bob = open_page(monkeypatch, pages.EXERCISES.path)
    answer(alice, first, first.bug_ids, first.bug_ids)
    bob.run()
    assert score_shown(bob) == f"0 / {POINTS_PER_EXERCISE * SET_SIZE}"
    assert answer_fields(bob, first)
    assert bob.session_state[EXERCISES["attempts"]] == {}
    wrong = next(b for b in first.cause_options if b not in first.bug_ids)
    answer(bob, first, [wrong], [wrong])
    alice.run()
    assert score_shown(alice) == f"2 / {POINTS_PER_EXERCISE * SET_SIZE}"
    assert score_shown(bob) == f"0 / {POINTS_PER_EXERCISE * SET_SIZE}"
    assert alice.session_state[EXERCISES["attempts"]][first.id].causes == first.bug_ids


def test_the_session_line_counts_every_set_and_each_set_keeps_its_place(monkeypatch):
    easy, hard = exercise_set(DEFAULT_SEED, "easy"), exercise_set(DEFAULT_SEED, "hard")
    at = open_page(monkeypatch, pages.EXERCISES.path)
    assert at.button(key=EXERCISES["previous"]).disabled and not at.button(key=EXERCISES["next"]).disabled
    answer(at, easy[0], easy[0].bug_ids, easy[0].bug_ids)
    click(at, EXERCISES["next"])
    at.selectbox(key=EXERCISES["difficulty"]).select("hard").run()
    assert answer_fields(at, hard[0])  # another set starts at its first exercise
    assert score_shown(at) == f"0 / {POINTS_PER_EXERCISE * SET_SIZE}"  # the set's score: only its own answers
    assert "This session: 2 of 2 points over 1 answers." in [c.value for c in at.caption]
    answer(at, hard[0], (), ())
    assert "This session: 2 of 4 points over 2 answers." in [c.value for c in at.caption]
    at.selectbox(key=EXERCISES["difficulty"]).select("easy").run()
    assert answer_fields(at, easy[1])  # back where this set was left
    for _ in range(SET_SIZE - 2):
        click(at, EXERCISES["next"])
    assert any(f"Exercise {SET_SIZE} of {SET_SIZE}" in h.value for h in at.header)
    assert at.button(key=EXERCISES["next"]).disabled and not at.button(key=EXERCISES["previous"]).disabled
    assert not any("Set complete" in s.value for s in at.success)


def test_a_token_exercise_shows_its_decoded_header_and_payload(monkeypatch):
    seed = 0
    token = next(e for e in exercise_set(seed, "medium") if e.kind == "token" and e.decoded)
    at = open_page(monkeypatch, pages.EXERCISES.path)
    at.number_input(key=EXERCISES["seed"]).set_value(seed).run()
    at.selectbox(key=EXERCISES["difficulty"]).select("medium").run()
    for _ in range(token.number - 1):
        click(at, EXERCISES["next"])
    assert [c.value for c in at.code][:2] == [token.shown, token.decoded]
    assert "Its header and payload, decoded:" in [c.value for c in at.caption]
    assert any("hides in this token (what the signer handed to join())." in m.value for m in at.markdown)


def test_the_video_sdk_sets_have_their_own_place_and_answers_beside_the_web_sets(monkeypatch):
    web, video = exercise_set(DEFAULT_SEED, "easy"), exercise_set(DEFAULT_SEED, "easy", family=VIDEO)
    total = f"/ {POINTS_PER_EXERCISE * SET_SIZE}"
    at = open_page(monkeypatch, pages.EXERCISES.path)
    chooser = at.selectbox(key=EXERCISES["family"])
    assert chooser.value == "web" and chooser.options == [
        FAMILIES[f].title for f in (MEETING_WEB, MEETING_NATIVE, VIDEO)
    ]
    answer(at, web[0], web[0].bug_ids, web[0].bug_ids)
    click(at, EXERCISES["next"])
    at.selectbox(key=EXERCISES["family"]).set_value("video").run()
    first = video[0]
    assert answer_fields(at, first) and first.shown in [c.value for c in at.code]  # the Video SDK set, at its start
    payload = json.loads(first.decoded.splitlines()[1])
    assert {"tpc", "role_type"} <= payload.keys() and "mn" not in payload
    assert any(f"You join session `{first.join.session_name}` with the Video SDK" in m.value for m in at.markdown)
    assert score_shown(at) == f"0 {total}"  # the web answer does not count in the Video SDK set
    answer(at, first, first.bug_ids, reversed(first.bug_ids))
    assert [s.value.split(" —")[0] for s in at.success] == ["Cause: right", "Fix: right"]
    assert score_shown(at) == f"2 {total}"
    assert "This session: 4 of 4 points over 2 answers." in [c.value for c in at.caption]
    assert set(at.session_state[EXERCISES["attempts"]]) == {web[0].id, first.id}
    click(at, EXERCISES["next"])
    click(at, EXERCISES["next"])
    at.selectbox(key=EXERCISES["family"]).set_value("web").run()
    assert answer_fields(at, web[1]) and score_shown(at) == f"2 {total}"  # back where the web set was left
    click(at, EXERCISES["previous"])
    assert not answer_fields(at, web[0]) and web[0].shown in [c.value for c in at.code]  # its own answer
    at.selectbox(key=EXERCISES["family"]).set_value("video").run()
    assert answer_fields(at, video[2])  # and the Video SDK set where it was left

    native = exercise_set(DEFAULT_SEED, "easy", family=MEETING_NATIVE)  # the native Meeting SDK's set: its own place
    at.selectbox(key=EXERCISES["family"]).set_value("native").run()
    first = native[0]
    assert answer_fields(at, first) and first.shown in [c.value for c in at.code]
    assert any("authenticates the Meeting SDK with this token" in m.value for m in at.markdown)
    assert not {"mn", "role", "tpc"} & json.loads(first.decoded.splitlines()[1]).keys()
    assert score_shown(at) == f"0 {total}"
    answer(at, first, first.bug_ids, first.bug_ids)
    assert score_shown(at) == f"2 {total}" and first.id in at.session_state[EXERCISES["attempts"]]


@pytest.fixture
def class_place(classroom_engine, classroom_url, monkeypatch):
    """A class of three easy exercises (seed 7) on the test's database, and a learner's resume key in it."""
    monkeypatch.setenv(URL_VARIABLE, classroom_url)
    session = store.create_class(classroom_engine, "Team", 7, "easy", 3, 1e12 - 1)[0]  # the class, then its PIN
    return session, store.join_class(classroom_engine, session, "Ann", time.time())


def open_place(monkeypatch, key):
    clear_configured_credentials(monkeypatch)
    at = AppTest.from_file(APP_FILE, default_timeout=30)
    at.query_params[LEARNER_PARAM] = key
    at.run()
    at.switch_page(pages.EXERCISES.path).run()
    assert not at.exception, at.exception
    return at


def test_a_learner_who_answered_every_exercise_comes_back_to_the_last_with_its_verdict(
    classroom_engine, class_place, monkeypatch
):
    _, key = class_place
    learner, _ = store.learner_by_key(classroom_engine, key)
    exercises = exercise_set(7, "easy", 3)
    for exercise in exercises:
        attempt = grade(exercise, exercise.bug_ids, exercise.bug_ids)
        store.record_answer(classroom_engine, learner, attempt, None, time.time())
    at = open_place(monkeypatch, key)
    assert any("Exercise 3 of 3" in h.value for h in at.header) and not at.multiselect
    assert any("Cause: right" in s.value for s in at.success)
    assert any("Set complete: 6 of 6 points." in s.value for s in at.success)
    assert ":material/cloud_done: Saved for your trainer." in [c.value for c in at.caption]
    assert not any(c.value.startswith("This session:") for c in at.caption)  # a class has no session line


def test_an_answer_the_class_no_longer_takes_is_said_and_the_form_stays(classroom_engine, class_place, monkeypatch):
    session, key = class_place
    first = exercise_set(7, "easy", 3)[0]
    at = open_place(monkeypatch, key)  # the form is drawn while the class is open
    store.close_class(classroom_engine, session.id, time.time())  # then the trainer closes it
    answer(at, first, first.bug_ids, first.bug_ids)
    assert any(
        e.value == "Your answer was not saved. This class is closed: answers are no longer taken." for e in at.error
    )
    assert answer_fields(at, first) and at.button(key=EXERCISES["check"]).disabled
    assert score_shown(at) == "0 / 6" and not any("Saved for your trainer" in c.value for c in at.caption)


# ------------------------------------------------------------------------------------------ trainer


def test_the_presenter_reveals_slides_with_next_and_previous(monkeypatch):
    at = open_page(monkeypatch, pages.TRAINER.path)
    slides = presenter_slides()
    assert at.button(key=TRAINER["previous"]).disabled
    assert in_html(at, AGENDA[0].title) and not in_html(at, AGENDA[0].points[0])
    click(at, TRAINER["next"])
    assert in_html(at, AGENDA[0].points[0]) and not in_html(at, AGENDA[0].points[1])
    click(at, TRAINER["previous"])
    assert not in_html(at, AGENDA[0].points[0])
    for _ in range(len(AGENDA[0].points) + 1):
        click(at, TRAINER["next"])
    assert in_html(at, AGENDA[1].title)
    assert at.get("page_link")[0].proto.page.endswith("lessons")
    at.session_state[TRAINER["slide_index"]] = len(slides) - 2
    at.run()
    click(at, TRAINER["next"])
    assert at.button(key=TRAINER["next"]).disabled
    assert all(in_html(at, point) for point in AGENDA[-1].points)
    assert any(f"Slide {len(slides)} of {len(slides)}" in c.value for c in at.caption)


def test_the_handout_download_is_the_seeded_set_with_answers(monkeypatch, downloads):
    at = open_page(monkeypatch, pages.TRAINER.path)
    at.number_input(key=TRAINER["handout_seed"]).set_value(7).run()
    at.selectbox(key=TRAINER["handout_difficulty"]).select("hard").run()
    handout = downloads["find-the-bug-seed-7-hard.md"].decode()
    assert handout == handout_markdown(7, "hard")
    assert '---\n\n<div style="page-break-before: always"></div>\n\n## Answers' in handout
    assert all(exercise.shown in handout for exercise in exercise_set(7, "hard"))
    at.selectbox(key=TRAINER["handout_family"]).set_value("native").run()  # another SDK's set: its own file
    native = downloads["find-the-bug-seed-7-hard-native.md"].decode()
    assert native == handout_markdown(7, "hard", family=MEETING_NATIVE)
    assert native.startswith(f"# Find the bug — seed 7, hard, {FAMILIES[MEETING_NATIVE].title}")
    assert all(exercise.shown in native for exercise in exercise_set(7, "hard", family=MEETING_NATIVE))
