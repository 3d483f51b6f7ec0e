"""Input rules: what the official sample enforces and what users trip on."""

import pytest

from lib.builder.form import FormInput, check_request, claim_fields, form_input, read_form
from lib.signing.steps import ABSENT, SignatureRequest, build_payload
from lib.zoom.facts import DEMO_MEETING_NUMBER, DEMO_SDK_KEY, DEMO_SDK_SECRET
from lib.zoom.families import MEETING_NATIVE, MEETING_WEB, VIDEO
from lib.zoom.meeting_number import normalize_meeting_number

NOW = 1_800_000_000
SECRET = "a-secret-of-more-than-thirty-two-bytes!"


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("85746065432", "85746065432"),
        ("857 4606 5432", "85746065432"),
        ("857-4606-5432", "85746065432"),
        ("  857.4606.5432\n", "85746065432"),
        ("https://zoom.us/j/85746065432?pwd=abcDEF", "85746065432"),
        ("https://us05web.zoom.us/j/85746065432", "85746065432"),
        ("zoom.us/wc/join/85746065432", "85746065432"),
        ("zoommtg://zoom.us/join?confno=85746065432", "85746065432"),
    ],
)
def test_meeting_number_is_normalized(text, digits):
    assert normalize_meeting_number(text).digits == digits


@pytest.mark.parametrize(
    "text", ["", "   ", "abc", "8574606543x", "８５７４６０６５４３２", "😀", "https://zoom.us/profile", "[/"]
)
def test_bad_meeting_numbers_get_a_message(text):
    result = normalize_meeting_number(text)
    assert result.digits is None and result.error and len(result.error) > 20


def test_join_link_note_mentions_the_passcode():
    assert "pwd" in normalize_meeting_number("https://zoom.us/j/85746065432?pwd=x").note


def codes(request, now=NOW):
    return {p.code for p in check_request(request, now)}


def good(**changes):
    values = dict(sdk_key="key", sdk_secret=SECRET, meeting_number=85746065432, role=0, iat=NOW, exp=NOW + 7200)
    return SignatureRequest(**{**values, **changes})


def test_a_correct_request_has_no_problem():
    assert codes(good()) == set()


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"sdk_key": ""}, "missing_app_key"),
        ({"sdk_key": ABSENT}, "missing_app_key"),
        ({"sdk_key": 5}, "app_key_not_text"),
        ({"sdk_secret": ""}, "secret_missing"),
        ({"sdk_key": SECRET}, "app_key_is_secret"),
        ({"sdk_secret": SECRET + "\n"}, "secret_whitespace"),
        ({"sdk_key": " key"}, "key_whitespace"),
        ({"sdk_secret": "x" * 10_000}, "secret_too_long"),
        ({"sdk_secret": "0123456789abcdef0123456789ABCDEF"}, "secret_hex_like"),
        ({"meeting_number": ABSENT}, "missing_mn"),
        ({"meeting_number": "857 4606 5432"}, "mn_not_digits"),
        ({"role": ABSENT}, "missing_role"),
        ({"role": "1"}, "role_not_number"),
        ({"role": 2}, "role_out_of_range"),
        ({"role": True}, "role_not_number"),
        ({"iat": ABSENT}, "missing_iat"),
        ({"iat": 1.5}, "timestamp_not_integer"),
        ({"iat": NOW * 1000, "exp": (NOW + 7200) * 1000}, "timestamp_milliseconds"),
        ({"exp": NOW + 600}, "lifetime_too_short"),
        ({"exp": NOW + 172801}, "lifetime_too_long"),
        ({"iat": NOW + 120, "exp": NOW + 7320}, "iat_in_future"),
        ({"iat": NOW - 9000, "exp": NOW - 1800}, "expired"),
        ({"token_exp": NOW + 60}, "token_exp_too_short"),
        ({"video_webrtc_mode": 2}, "webrtc_mode_invalid"),
    ],
)
def test_each_rule_fires(changes, code):
    assert code in codes(good(**changes))


def test_bounds_are_inclusive():
    assert codes(good(exp=NOW + 1800)) == set()
    assert codes(good(exp=NOW + 172800)) == set()


def test_thirty_seconds_of_skew_are_tolerated():
    assert "iat_in_future" not in codes(good(iat=NOW + 30, exp=NOW + 7230))


def form(**changes):
    values = dict(sdk_key=DEMO_SDK_KEY, sdk_secret=DEMO_SDK_SECRET, meeting_number=DEMO_MEETING_NUMBER, role=1)
    return FormInput(**{**values, **changes})


def test_form_trims_whitespace_and_warns():
    result = read_form(form(sdk_secret=DEMO_SDK_SECRET + "\n", sdk_key=" " + DEMO_SDK_KEY), NOW)
    assert result.request.sdk_secret == DEMO_SDK_SECRET and result.request.sdk_key == DEMO_SDK_KEY
    trimmed = [p for p in result.problems if p.code in ("key_trimmed", "secret_trimmed")]
    assert [p.code for p in trimmed] == ["key_trimmed", "secret_trimmed"] and "line break" in trimmed[1].message
    assert not result.errors


def test_form_normalizes_a_join_link_with_a_note():
    result = read_form(form(meeting_number="https://zoom.us/j/85746065432?pwd=zzz"), NOW)
    assert result.request.meeting_number == "85746065432"
    assert [p.code for p in result.problems if p.field == "meetingNumber"] == ["mn_normalized"]


def test_form_with_letters_is_an_error_but_still_signable():
    result = read_form(form(meeting_number="85746O65432"), NOW)
    assert [p.code for p in result.errors] == ["mn_not_digits"]
    assert result.request.meeting_number == "85746O65432"


def test_form_iat_skew_and_lifetime():
    result = read_form(form(iat_skew=True, lifetime=3600), NOW)
    assert (result.request.iat, result.request.exp) == (NOW - 30, NOW + 3570)
    assert [p.code for p in read_form(form(lifetime=600), NOW).errors] == ["lifetime_too_short"]


def test_form_secret_never_in_messages():
    secret = "my-real-secret-value-that-must-not-leak \n"
    result = read_form(form(sdk_secret=secret), NOW)
    assert all(secret.strip() not in p.message for p in result.problems)
    assert secret.strip() not in repr(result)


@pytest.mark.parametrize(
    ("family", "claims"),
    [
        (MEETING_WEB, ["mn", "role", "video_webrtc_mode"]),
        (MEETING_NATIVE, ["video_webrtc_mode"]),
        (
            VIDEO,
            ["role_type", "tpc", "version", "user_key", "session_key", "geo_regions", "cloud_recording_option"]
            + ["cloud_recording_election", "cloud_recording_transcript_option", "telemetry_tracking_id"]
            + ["video_webrtc_mode", "audio_webrtc_mode"],
        ),
    ],
)
def test_each_family_form_asks_for_its_own_claims(family, claims):
    """Native apps take the meeting and the role in their own join call; the key and the times come from the
    credentials and the lifetime; user_identity is user_key's former name."""
    assert [field.claim for field in claim_fields(family)] == claims


def test_a_claims_choices_are_the_values_zoom_documents():
    fields = {field.claim: field for field in claim_fields(VIDEO)}
    assert list(fields["role_type"].choices) == [0, 1] and not fields["role_type"].optional
    assert list(fields["cloud_recording_transcript_option"].choices) == [0, 1, 2]
    assert fields["cloud_recording_transcript_option"].optional and fields["cloud_recording_transcript_option"].rare
    assert sorted(fields["geo_regions"].choices) == sorted("AU BR CA CN DE HK IN JP MX NL SG US".split())
    assert fields["geo_regions"].many and fields["geo_regions"].default == []
    assert fields["version"].default == 1 and fields["version"].optional and not fields["version"].rare
    assert "at most 200 characters" in fields["tpc"].help and "at most 36 characters" in fields["user_key"].help


def signed_claims(family, values, **settings):
    result = read_form(form_input(family, "key", SECRET, values, **settings), NOW)
    return build_payload(result.request), {p.code for p in result.problems}


def test_a_form_signs_only_its_familys_claims():
    """A value left in the form for another family's claim (a meeting number, a session name) is not signed."""
    video_values = {"tpc": "Room 1", "user_key": "u", "role_type": 1}
    payload, _ = signed_claims(MEETING_NATIVE, {"mn": "85746065432", "role": 1, **video_values})
    assert list(payload) == ["appKey", "sdkKey", "iat", "exp", "tokenExp"]
    payload, _ = signed_claims(VIDEO, {"mn": "85746065432", "role": 0, "video_webrtc_mode": 1, **video_values})
    assert list(payload) == ["app_key", "role_type", "tpc", "version", "iat", "exp", "user_key", "video_webrtc_mode"]
    assert payload["role_type"] == 1


def test_left_out_claims_are_not_signed_and_a_region_list_is_joined():
    payload, codes = signed_claims(VIDEO, {"tpc": "s", "version": None, "user_key": "", "geo_regions": ["SG", "US"]})
    assert "version" not in payload and "user_key" not in payload and payload["geo_regions"] == "SG,US"
    assert codes == {"missing_version"}
    payload, codes = signed_claims(VIDEO, {"tpc": "s", "geo_regions": []})
    assert "geo_regions" not in payload and codes == set()
