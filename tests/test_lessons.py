"""The lessons' path and live values (lib.training.lessons), checked against the catalogue, base64 and PyJWT."""

import base64
import dataclasses
import json
import re
from dataclasses import replace

import jwt
import pytest

from lib.builder.form import FormInput
from lib.doctor.diagnosis import diagnose
from lib.doctor.findings import FINDING_CODES
from lib.mistakes.catalogue import BUGS, VIDEO_PART
from lib.present.display import escape_markdown
from lib.present.html import base64_html, demo_html
from lib.training.lessons import (
    BASE64_DEMO_TEXT,
    BUG_LESSONS,
    BUG_PARTS,
    DEMO_FORM,
    DEMO_SESSION_NAME,
    FAMILY_LESSONS,
    JWT_LESSONS,
    LESSON_KEYS,
    LESSONS,
    LESSONS_BY_KEY,
    NATIVE_AUTH_RESULTS,
    base64_comparison,
    bug_demo,
    claim_rows,
    family_rows,
    hmac_view,
    learner_form,
    learner_steps,
    neighbours,
    token_parts,
)
from lib.widget_keys import LESSONS as LESSONS_KEYS
from lib.widget_keys import SHARED_FORM
from lib.zoom.facts import CLAIM_ORDER, DEMO_SDK_SECRET, MAX_LIFETIME_SECONDS, MIN_LIFETIME_SECONDS
from lib.zoom.families import FAMILIES, MEETING_NATIVE, MEETING_WEB, VIDEO
from support import pages
from support.apptest import open_app_page
from support.credentials import clear_configured_credentials
from support.paths import ROOT

NOW = 1767225600
SECRET = "lesson-learner-secret-0123456789-abcdefgh"
LEARNER = FormInput("LearnerKey0123", SECRET, "857 4606 5432", 1)


def test_every_catalogue_entry_has_a_lesson_per_family_it_is_taught_in_with_a_demo_hint():
    # Fails when an entry is added to lib.mistakes.catalogue.BUGS without a place (and a "look at") in the lesson path.
    taught = [(lesson.bug_id, lesson.family) for lesson in BUG_LESSONS]
    assert sorted(taught) == sorted((bug.id, lesson.family) for bug in BUGS.values() for lesson in bug.lessons)
    assert {bug_id for bug_id, _ in taught} == set(BUGS) and len(taught) == len(set(taught))
    for lesson in BUG_LESSONS:
        assert lesson.look_at.strip(), lesson.bug_id
        assert lesson.title == BUGS[lesson.bug_id].title
        assert lesson.family in BUGS[lesson.bug_id].families


def test_each_mistake_says_its_part_and_a_place_of_its_own():
    """The lesson is a field of the catalogue entry: places in a part run 1, 2, 3, … with no gap or double (the
    Video SDK part's first place is the families lesson)."""
    places = {VIDEO_PART: [1]}
    for bug in BUGS.values():
        for taught in bug.lessons:
            assert taught.part in BUG_PARTS, bug.id
            places.setdefault(taught.part, []).append(taught.place)
    assert list(places) and all(sorted(numbers) == list(range(1, len(numbers) + 1)) for numbers in places.values())
    assert [lesson.part for lesson in BUG_LESSONS] == sorted(
        (lesson.part for lesson in BUG_LESSONS), key=BUG_PARTS.index
    )
    assert [lesson.key for lesson in BUG_LESSONS if lesson.part == "Claims"] == [
        "meeting_number_claim",
        "meeting_number_spaces",
        "role_inverted",
        "role_string",
        "no_token_exp",
        "no_token_exp_meeting_native",
    ]
    native = [lesson.key for lesson in BUG_LESSONS if lesson.family == MEETING_NATIVE]
    assert native == ["no_token_exp_meeting_native", "token_exp_minimum"]  # the native Meeting SDK's own
    assert [lesson.key for lesson in BUG_LESSONS if lesson.public_credentials] == ["key_secret_swapped"]


def test_the_video_sdk_part_teaches_the_families_then_one_lesson_per_video_sdk_mistake():
    """The families lesson and the native auth results come before the Video SDK's mistakes, and every mistake of a
    Video SDK token (role as text included, as role_type) has its own lesson signed for the Video SDK."""
    part = [lesson.key for lesson in LESSONS if lesson.part == VIDEO_PART]
    assert part == [
        "token_families",
        "native_auth_results",
        "tpc_not_session_name",
        "role_string_video",
        "user_key_too_long",
        "meeting_claims_in_video_token",
        "video_claims_in_meeting_token",
    ]
    assert [lesson.key for lesson in FAMILY_LESSONS] == part[:2]
    assert {LESSONS_BY_KEY[key].family for key in part[2:-1]} == {VIDEO}
    assert LESSONS_BY_KEY["video_claims_in_meeting_token"].family == MEETING_WEB


def test_the_families_lesson_signs_the_learners_inputs_for_each_family_and_reads_it_back():
    rows = family_rows(LEARNER, NOW)
    assert [row["family"] for row in rows] == [MEETING_WEB, MEETING_NATIVE, VIDEO]
    assert [row["the lab reads"] for row in rows] == [MEETING_WEB, MEETING_NATIVE, VIDEO]
    payloads = [json.loads(row["your inputs signed for it"]) for row in rows]
    assert payloads[0]["mn"] == "85746065432" and "mn" not in payloads[1] and "role" not in payloads[1]
    assert payloads[2]["tpc"] == DEMO_SESSION_NAME and payloads[2]["role_type"] == 1
    assert {payload.get("appKey", payload.get("app_key")) for payload in payloads} == {LEARNER.sdk_key}
    assert "tpc" in rows[2]["required claims"] and "mn" in rows[0]["required claims"]


def test_the_native_auth_results_are_the_fact_bases_and_the_family_records():
    """Each row's result is in the fact base's native table and in the native family's refusal (lib.zoom.families)."""
    facts = (ROOT / "docs" / "zoom-signature-facts.md").read_text(encoding="utf-8")
    native_table = facts[facts.index("### The Meeting SDK for native apps") : facts.index("### The Video SDK")]
    lines = {line.split("|")[1].strip(): line for line in native_table.splitlines() if line.startswith("| ")}
    assert [row["platform"] for row in NATIVE_AUTH_RESULTS] == [p for p in lines if p not in ("platform", "---")]
    for row in NATIVE_AUTH_RESULTS:
        line = lines[row["platform"]]
        assert (
            row["result for a bad JWT"] + "`" in line
            and row["result for a bad JWT"] in FAMILIES[MEETING_NATIVE].refused_as
        )
        assert row["source"].split(",")[0].split(";")[0] in line


@pytest.mark.parametrize(
    ("key", "code"),
    [("tpc_not_session_name", 1507), ("user_key_too_long", 1510)],
)
def test_a_video_sdk_lesson_names_the_platform_code_its_source_gives_and_no_other(key, code):
    outcome = bug_demo(LESSONS_BY_KEY[key], LEARNER, NOW).comparison.outcome
    assert f"native Video SDK: {code} " in outcome.message and "Not documented for" not in outcome.message
    assert "3712" not in outcome.message and "Web SDK 6.2.0" not in outcome.message
    string_role = bug_demo(LESSONS_BY_KEY["role_string_video"], LEARNER, NOW).comparison.outcome
    assert "not documented" in string_role.message and not any(ch.isdigit() for ch in string_role.message)


def test_the_path_starts_with_the_jwt_and_keys_are_unique():
    assert LESSONS[: len(JWT_LESSONS)] == JWT_LESSONS
    assert [lesson.key for lesson in JWT_LESSONS] == ["jwt_parts", "base64url", "hmac", "claims", "who_checks"]
    assert len(set(LESSON_KEYS)) == len(LESSONS)
    assert neighbours(LESSON_KEYS[0]) == (None, LESSON_KEYS[1])
    assert neighbours(LESSON_KEYS[-1]) == (LESSON_KEYS[-2], None)


def test_the_base64_example_shows_all_three_characters_a_jwt_may_not_contain():
    example = base64_comparison(BASE64_DEMO_TEXT)
    assert example.found == ("+", "/", "=")
    assert not set("+/=") & set(example.url)
    assert base64.b64decode(example.standard) == BASE64_DEMO_TEXT.encode()
    assert base64.urlsafe_b64decode(example.url + "=" * (-len(example.url) % 4)) == BASE64_DEMO_TEXT.encode()
    marked = base64_html(example)
    assert marked.count('<mark class="sl-buggy"') == sum(example.standard.count(c) for c in "+/=")


def test_the_base64_example_refuses_text_that_has_no_utf8():
    with pytest.raises(ValueError, match="surrogate"):
        base64_comparison("\ud800")


def test_the_jwt_lessons_show_the_token_pyjwt_accepts():
    steps = learner_steps(LEARNER, NOW)
    claims = jwt.decode(steps.token, SECRET, algorithms=["HS256"], options={"verify_exp": False, "verify_iat": False})
    assert claims["mn"] == "85746065432" and claims["role"] == 1
    header, payload, signature = token_parts(steps)
    assert f"{header.encoded}.{payload.encoded}.{signature.encoded}" == steps.token
    view = hmac_view(steps)
    assert len(view.signature) == 43 and len(view.standard_signature) == 44 and view.standard_signature.endswith("=")
    assert base64.b64decode(view.standard_signature).hex() == view.hmac_hex


def test_claim_rows_cover_every_claim_with_the_tokens_values_and_zooms_bounds():
    rows = claim_rows(learner_steps(LEARNER, NOW), NOW)
    assert [row["claim"] for row in rows] == list(CLAIM_ORDER)
    by_claim = {row["claim"]: row for row in rows}
    assert by_claim["mn"]["in your token"] == '"85746065432"'
    assert by_claim["video_webrtc_mode"]["in your token"] == "(not set)"
    assert str(MIN_LIFETIME_SECONDS) in by_claim["exp"]["rule"] and str(MAX_LIFETIME_SECONDS) in by_claim["exp"]["rule"]
    # "required" agrees with the Token doctor: a claim it reports missing as an error is required here
    for claim, code in (("iat", "missing_iat"), ("exp", "missing_exp"), ("tokenExp", "missing_token_exp")):
        assert (by_claim[claim]["required"] == "yes") == (FINDING_CODES[code].severity == "error")
    assert by_claim["tokenExp"]["required"] == "recommended"
    assert {row["claim"]: row["verdict"] for row in rows if row["verdict"] != "ok"} == {
        "role": "info: Host role: check it is meant"  # the learner signs as host
    }


def test_claim_table_verdicts_are_the_token_doctors():
    form = replace(LEARNER, lifetime=600, role=1)
    steps = learner_steps(form, NOW)
    by_claim = {row["claim"]: row["verdict"] for row in claim_rows(steps, NOW)}
    checked = diagnose(steps.token, now=NOW)
    doctor = {(f.severity, f.title) for f in checked.findings if f.step == "claims"}
    assert {("error", "exp − iat below 30 min"), ("info", "Host role: check it is meant")} <= doctor
    for severity, title in doctor:
        assert f"{severity}: {title}" in by_claim["exp" if "exp" in title else "role"]


def test_learner_form_falls_back_to_the_demo_values():
    assert learner_form(None) == DEMO_FORM
    assert learner_form(LEARNER) is LEARNER


@pytest.mark.parametrize("lesson", BUG_LESSONS, ids=lambda lesson: lesson.key)
def test_every_bug_lesson_demo_shows_its_mistake_on_the_learners_inputs(lesson):
    demo = bug_demo(lesson, LEARNER, NOW)
    differing = [row.step for row in demo.comparison.steps if not row.same]
    if BUGS[lesson.bug_id].steps:
        assert differing, "the demo shows no difference"
        assert lesson.bug_id in demo.comparison.outcome.bug_ids
    else:
        assert differing == []
    page = demo_html(demo.comparison)
    assert SECRET not in page and SECRET not in json.dumps(demo.notes)


def test_the_swapped_key_and_secret_demo_runs_on_the_demo_credentials():
    demo = bug_demo(LESSONS_BY_KEY["key_secret_swapped"], LEARNER, NOW)
    payload = next(row for row in demo.comparison.steps if row.step == "payload_json")
    assert DEMO_SDK_SECRET in payload.buggy and SECRET not in payload.buggy
    assert any("demo credentials" in note for note in demo.notes)


def test_a_mistake_the_inputs_do_not_show_is_shown_with_a_key_that_does():
    lesson = LESSONS_BY_KEY["standard_base64_segments"]
    without_reveal = dataclasses.replace(lesson, reveal_sdk_key=None)
    forms = (FormInput(f"Key{n}", SECRET, "85746065432", 0) for n in range(200))
    hidden = next(f for f in forms if all(r.same for r in bug_demo(without_reveal, f, NOW).comparison.steps))
    demo = bug_demo(lesson, hidden, NOW)
    assert any(lesson.reveal_sdk_key in note for note in demo.notes)
    payload = next(row for row in demo.comparison.steps if row.step == "payload_b64")
    assert not payload.same and set("+/=") & set(payload.buggy)


@pytest.mark.parametrize("now", range(NOW, NOW + 6))
def test_the_revealing_key_shows_btoas_mistake_whatever_the_clock(now):
    demo = bug_demo(LESSONS_BY_KEY["standard_base64_segments"], DEMO_FORM, now)
    assert not next(row for row in demo.comparison.steps if row.step == "payload_b64").same


def test_demo_html_escapes_the_learners_text():
    page = demo_html(
        bug_demo(LESSONS_BY_KEY["role_inverted"], FormInput("<b>key</b>", SECRET, "1234", 0), NOW).comparison
    )
    assert "<b>key</b>" not in page and "&lt;b&gt;key&lt;/b&gt;" in page


# ------------------------------------------------------------------------------------------ the page (AppTest)


@pytest.fixture
def lessons_page(monkeypatch):
    clear_configured_credentials(monkeypatch)
    return open_app_page(pages.LESSONS.path, {SHARED_FORM: LEARNER})


def open_lesson(at, key):
    at.selectbox(key=LESSONS_KEYS["choose"]).select(key).run()
    assert not at.exception, at.exception
    return at


def test_the_families_lesson_shows_the_learners_inputs_signed_for_each_sdk(lessons_page):
    at = open_lesson(lessons_page, "token_families")
    [table] = at.table
    rows = table.value.to_dict("records")
    assert [row["family"] for row in rows] == [MEETING_WEB, MEETING_NATIVE, VIDEO]
    assert [row["the lab reads"] for row in rows] == [MEETING_WEB, MEETING_NATIVE, VIDEO]
    assert '"tpc":"Team Standup"' in rows[2]["your inputs signed for it"]
    assert "`wrong_token_kind`" in "\n".join(m.value for m in at.markdown)
    assert SECRET not in "\n".join(str(e.proto) for e in at.main)


def test_the_native_auth_results_lesson_lists_each_platform_with_its_source(lessons_page):
    at = open_lesson(lessons_page, "native_auth_results")
    [table] = at.table
    rows = table.value.to_dict("records")
    assert [row["result for a bad JWT"] for row in rows] == [row["result for a bad JWT"] for row in NATIVE_AUTH_RESULTS]
    assert all(row["source"] for row in rows)


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("tpc_not_session_name", "native Video SDK: 1507 Errors_JoinSession_Token_MismatchedSessionName"),
        ("user_key_too_long", "native Video SDK: 1510 Errors_JoinSession_Token_UserIdentity_TooLong"),
        ("role_string_video", "what it reports is not documented"),
        ("meeting_claims_in_video_token", "what it reports is not documented"),
    ],
)
def test_a_video_sdk_mistakes_lesson_demonstrates_it_on_a_video_sdk_token(lessons_page, key, shown):
    at = open_lesson(lessons_page, key)
    text = "\n".join(m.value for m in at.markdown)
    assert "signed for the Video SDK" in "\n".join(c.value for c in at.caption)
    assert escape_markdown(shown) in text or shown in text
    assert "Web SDK 6.2.0" not in text.split("**What Zoom shows.**")[0]
    demo = "\n".join(h.proto.body for h in at.get("html"))
    assert "app_key" in demo and SECRET not in demo


def test_the_native_lessons_predict_only_what_a_source_says():
    """tokenExp left out of a native token: no source says the native SDK refuses it, nor that it takes it; a token made
    ahead with tokenExp at its minimum gets the native SDKs' one result for a bad JWT, and no Web SDK code."""
    missing = bug_demo(LESSONS_BY_KEY["no_token_exp_meeting_native"], LEARNER, NOW).comparison.outcome.message
    assert (
        missing.startswith(f"No source says the {FAMILIES[MEETING_NATIVE].title} refuses it") and "goes" not in missing
    )
    ahead = bug_demo(LESSONS_BY_KEY["token_exp_minimum"], LEARNER, NOW).comparison.outcome.message
    assert FAMILIES[MEETING_NATIVE].refused_as in ahead and not re.search(r"\b3\d{3}\b", ahead)
    web = bug_demo(LESSONS_BY_KEY["no_token_exp"], LEARNER, NOW).comparison.outcome.message
    assert web.startswith("join() goes through")  # the Web SDK's own signer left it out: documented
