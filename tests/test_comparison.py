"""Correct vs buggy comparison: marked differences, per-step verdicts and the final 'what happens next'."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.mistakes.buggy_signer import PRESETS, sign_with_bugs
from lib.mistakes.buggy_vs_correct import claim_changes, encoding_details, mark_differences, side_by_side
from lib.mistakes.catalogue import BROWSER, BUGS, NOBODY, ZOOM_SERVER, platform_failures, symptom_for
from lib.present.html import fragments_html
from lib.signing.steps import STEPS, SignatureRequest, build_signature_steps
from lib.zoom.facts import UNDOCUMENTED_ERROR, ZOOM_ERRORS
from lib.zoom.families import FAMILIES, MEETING_NATIVE, MEETING_WEB, VIDEO

SECRET = "comparison-secret-0123456789-abcdefghij"
KEY = "abcDEF123ghiJKL456mnoP~?~?~?"  # its payload needs '+', '/' and '=' in standard base64
IAT = 1_700_000_000


def request(**changes):
    values = {"sdk_key": KEY, "sdk_secret": SECRET, "meeting_number": 85746065432, "role": 0, "iat": IAT}
    values |= {"exp": values["iat"] + 7200} | changes
    return SignatureRequest(**values)


def run(preset_key, req=None):
    req = req or request()
    preset = PRESETS[preset_key]
    return side_by_side(build_signature_steps(req), preset.sign(req), preset.bug_ids)


def row(comparison, step):
    return next(r for r in comparison.steps if r.step == step)


def marked(fragments):
    return [f.text for f in fragments if f.changed]


def test_base64_characters_are_marked_one_by_one():
    correct, buggy = mark_differences("Qfj9-P34_Iiw", "Qfj9+P34/Iiw==")  # from the forum vector
    assert marked(correct) == ["-", "_", ""] and marked(buggy) == ["+", "/", "=="]  # "": where "==" is missing


def test_a_renamed_claim_is_marked_as_whole_names_and_a_missing_claim_leaves_a_gap():
    correct, buggy = mark_differences(
        '{"mn":1,"role":0,"tokenExp":5}', '{"meetingNumber":1,"role":0}', json_tokens=True
    )
    assert '"mn"' in marked(correct) and '"meetingNumber"' in marked(buggy)
    assert "".join(marked(correct)).endswith(',"tokenExp":5')
    assert "" in marked(buggy)  # the place where tokenExp is missing


def test_short_coincidences_inside_re_encoded_text_are_not_shown_as_matches():
    correct, buggy = mark_differences("SAME-abcdefgh-TAIL", "SAME-xbyczd-TAIL")
    assert marked(correct) == ["abcdefgh"] and marked(buggy) == ["xbyczd"]


@given(st.text(max_size=40), st.text(max_size=40), st.booleans())
def test_fragments_always_rebuild_both_texts(correct_text, buggy_text, json_tokens):
    correct, buggy = mark_differences(correct_text, buggy_text, json_tokens=json_tokens)
    assert "".join(f.text for f in correct) == correct_text
    assert "".join(f.text for f in buggy) == buggy_text


def test_claim_changes_and_encoding_details_in_words():
    assert claim_changes('{"mn":"1","role":0}', '{"meetingNumber":"1","role":"0"}') == [
        "claim mn is missing",
        "claim meetingNumber is added",
        'role: 0 → "0"',
    ]
    assert claim_changes("not json", "{}") == []
    assert encoding_details("signature", "ab+/c=") == [
        "contains '+' (base64url has '-'), '/' (base64url has '_'), '=' padding (JWTs drop it)"
    ]
    assert encoding_details("returned", "abc") == ["not a token: join() needs header.payload.signature"]


def test_the_forum_snippet_row_by_row():
    comparison = run("forum")
    verdicts = {r.step: r.verdict for r in comparison.steps}
    assert verdicts["header_json"] == "same" and verdicts["header_b64"] == "same"
    assert verdicts["payload_json"].startswith("differs because: ")
    assert BUGS["meeting_number_claim"].title in verdicts["payload_json"]
    assert BUGS["no_token_exp"].title in verdicts["payload_json"]
    assert verdicts["payload_b64"].startswith(f"differs because: {BUGS['standard_base64_segments'].title}")
    assert verdicts["signature"].startswith(f"differs because: {BUGS['standard_base64_signature'].title}")
    assert verdicts["returned"].startswith(f"differs because: {BUGS['mac_only'].title}")
    assert "claim tokenExp is missing" in row(comparison, "payload_json").details
    outcome = comparison.outcome
    assert outcome.caught_by == BROWSER and outcome.zoom_error is None
    assert "Cannot read properties of undefined (reading 'replace')" in outcome.message
    assert outcome.bug_ids == ("mac_only",)


def test_the_forums_call_stops_at_crypto_js():
    comparison = run("forum_call")
    assert row(comparison, "signing_input").buggy is not None
    for step in ("hmac_hex", "signature", "token", "returned"):
        assert row(comparison, step).verdict == (
            "never computed: CryptoJS.HmacSHA256 threw TypeError: key.clamp is not a function"
        )
    assert comparison.outcome.bug_ids == ("argument_shift",) and "join() is never called" in comparison.outcome.message


def test_btoa_throwing_on_an_emoji_key():
    comparison = run("forum", request(sdk_key="key-😀"))
    assert row(comparison, "payload_b64").verdict.startswith(
        "never computed: btoa(payload) threw InvalidCharacterError"
    )
    assert comparison.outcome.bug_ids == ("standard_base64_segments",)


REQUESTS = {
    MEETING_WEB: request(),
    MEETING_NATIVE: SignatureRequest(KEY, SECRET, iat=IAT, exp=IAT + 7200, family=MEETING_NATIVE),
    VIDEO: SignatureRequest(KEY, SECRET, role=1, iat=IAT, exp=IAT + 7200, family=VIDEO, session_name="Team Standup"),
}
CASES = [(bug_id, family) for bug_id, bug in BUGS.items() for family in bug.families]


@pytest.mark.parametrize(("bug_id", "family"), CASES)
def test_each_single_bug_is_named_where_it_starts_and_in_the_final_row(bug_id, family):
    req = request(meeting_number="85746065432", role="1") if bug_id == "argument_shift" else REQUESTS[family]
    preset = PRESETS[bug_id]
    comparison = side_by_side(build_signature_steps(req), preset.sign(req), preset.bug_ids, family)
    bug = BUGS[bug_id]
    for r in comparison.steps:
        if r.step in bug.steps:
            assert bug_id in r.bug_ids, r.step
            assert "no selected bug explains" not in r.verdict
        else:
            assert r.same and r.verdict in ("same", "not part of the legacy format: it has no header")
    if bug.steps:
        first = row(comparison, next(s for s in bug.steps if row(comparison, s).buggy is not None))
        assert first.verdict.startswith(f"differs because: {bug.title}")
    outcome = comparison.outcome
    assert bug_id in outcome.bug_ids
    if family == MEETING_WEB and bug.caught_by == ZOOM_SERVER:
        assert (outcome.caught_by, outcome.zoom_error) == (ZOOM_SERVER, bug.zoom_error)
        assert (str(bug.zoom_error) if bug.zoom_error else UNDOCUMENTED_ERROR) in outcome.message
    elif family != MEETING_WEB and bug.caught_by in (BROWSER, ZOOM_SERVER) and bug_id != "argument_shift":
        # another SDK: no Web SDK code, and each platform's answer only where the fact base has a source
        assert outcome.zoom_error is None and "Web SDK 6.2.0" not in outcome.message
        failures = platform_failures(bug, family)
        web_codes = set(ZOOM_ERRORS) - {1} - {failure.code for failure in failures}
        assert not any(str(code) in outcome.message for code in web_codes)
        for failure in failures:
            assert f"{failure.platform}: {failure.code} {failure.name}" in outcome.message
        if family == MEETING_NATIVE:
            assert FAMILIES[MEETING_NATIVE].refused_as in outcome.message
        elif not failures:
            assert "not documented" in outcome.message


def test_the_video_sdk_predictions_are_the_fact_bases():
    """A wrong session name: the native Video SDK's 1507; a user key too long: 1510; a bad signature: the Web Video
    SDK's 200 Verify JWT failed; a text role_type and a short lifetime: nothing documented."""
    assert [(e.platform, e.code) for e in platform_failures(BUGS["tpc_not_session_name"], VIDEO)] == [
        ("native Video SDK", 1507)
    ]
    assert [e.code for e in platform_failures(BUGS["user_key_too_long"], VIDEO)] == [1510]
    assert [e.code for e in platform_failures(BUGS["secret_trailing_newline"], VIDEO)] == [200]
    assert [e.code for e in platform_failures(BUGS["expired"], VIDEO)] == [200]
    for bug_id in ("role_string", "lifetime_too_short", "meeting_claims_in_video_token", "key_secret_swapped"):
        assert platform_failures(BUGS[bug_id], VIDEO) == (), bug_id
        assert "not documented" in symptom_for(BUGS[bug_id], VIDEO)
    assert all(platform_failures(bug, MEETING_WEB) == () for bug in BUGS.values())
    # an entry written for the web speaks for another SDK only through the family's sourced answers
    assert "3712" not in symptom_for(BUGS["standard_base64_signature"], VIDEO)
    assert "Verify JWT failed" in symptom_for(BUGS["secret_trailing_newline"], VIDEO)
    assert FAMILIES[MEETING_NATIVE].refused_as in symptom_for(BUGS["expired"], MEETING_NATIVE)
    assert symptom_for(BUGS["tpc_not_session_name"], VIDEO) == BUGS["tpc_not_session_name"].symptom


def test_a_video_sdk_token_for_the_web_stops_in_the_browser_and_a_signed_argument_shift_reaches_zoom():
    comparison = run("video_claims_in_meeting_token")
    assert comparison.outcome.caught_by == BROWSER and "appKey can not empty" in comparison.outcome.detail
    assert comparison.outcome.bug_ids == ("video_claims_in_meeting_token",)
    shifted = run("argument_shift", request(meeting_number="85746065432", role="1"))
    assert shifted.outcome.caught_by == ZOOM_SERVER and UNDOCUMENTED_ERROR in shifted.outcome.message


def test_role_inverted_towards_participant_is_no_server_error():
    comparison = run("role_inverted", request(role=1))
    assert comparison.outcome.caught_by == NOBODY and comparison.outcome.zoom_error is None


def test_several_server_errors_predict_no_code_and_each_is_named_with_its_own():
    """Zoom does not document the order it checks a token in: several mistakes with different codes (or one
    without a documented code) predict none, and each is named with the code it gets alone."""
    req = request()
    selection = ("expired", "meeting_number_spaces", "secret_trailing_newline")
    comparison = side_by_side(build_signature_steps(req), sign_with_bugs(req, selection), selection)
    outcome = comparison.outcome
    assert outcome.caught_by == ZOOM_SERVER and outcome.zoom_error is None
    assert outcome.message.startswith(UNDOCUMENTED_ERROR)
    assert f"3712 for {BUGS['secret_trailing_newline'].title}" in outcome.message
    assert f"3705 for {BUGS['expired'].title}" in outcome.message
    # spaces in mn have no documented code: named as refused, without a number
    assert "3706" not in outcome.message
    assert f"no documented code for {BUGS['meeting_number_spaces'].title}" in outcome.message
    assert set(outcome.bug_ids) == set(selection)


def test_two_mistakes_with_one_documented_code_predict_it():
    req = request()
    selection = ("secret_trailing_newline", "standard_base64_signature")
    assert {BUGS[i].zoom_error for i in selection} == {3712}
    comparison = side_by_side(build_signature_steps(req), sign_with_bugs(req, selection), selection)
    assert comparison.outcome.zoom_error == 3712 and comparison.outcome.message.startswith("Zoom's server answers 3712")


def test_an_invisible_encoding_bug_is_reported_as_such():
    req = request(sdk_key="abcDEF123ghiJKL456mnoPx")
    comparison = run("standard_base64_segments", req)
    assert all(r.same for r in comparison.steps)
    assert "this input does not show it" in row(comparison, "payload_b64").verdict
    assert comparison.outcome.caught_by == NOBODY and "happens to give a valid token" in comparison.outcome.message


def test_secret_in_browser_changes_no_step_but_is_not_silent():
    comparison = run("secret_in_browser")
    assert all(r.verdict == "same" for r in comparison.steps)
    assert comparison.outcome.bug_ids == ("secret_in_browser",) and comparison.outcome.caught_by == NOBODY


def test_legacy_rows_say_the_header_does_not_exist():
    comparison = run("legacy_format")
    assert row(comparison, "header_json").verdict == "not part of the legacy format: it has no header"
    assert row(comparison, "payload_json").verdict.startswith(f"differs because: {BUGS['legacy_format'].title}")
    assert comparison.outcome.caught_by == BROWSER


def test_every_combination_is_explained():
    req = request()
    correct = build_signature_steps(req)
    for first in BUGS:
        for second in BUGS:
            selection = {first, second}
            if selection == {"lifetime_too_short", "lifetime_too_long"}:
                continue
            comparison = side_by_side(correct, sign_with_bugs(req, selection), selection)
            assert all("no selected bug explains" not in r.verdict for r in comparison.steps), selection
            assert comparison.outcome.message


def test_html_is_escaped_and_marks_carry_their_side():
    correct, buggy = mark_differences("<b>x</b>", "<b>y</b>")
    html_text = fragments_html(buggy, "buggy")
    assert "<b>" not in html_text and "&lt;b&gt;" in html_text
    assert '<mark class="sl-buggy"' in html_text and '<mark class="sl-correct"' in fragments_html(correct, "correct")
    assert "sl-gap" in fragments_html(mark_differences("ab", "a")[1], "buggy")


def test_rows_come_in_signing_order():
    assert [r.step for r in run("forum").steps] == list(STEPS)
