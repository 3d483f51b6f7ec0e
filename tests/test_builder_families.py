"""The builder signs every token family (AppTest): the Meeting SDK for web and for native apps, and the Video SDK.

Each token is checked by PyJWT with the secret and against `python -m lib sign` given the same inputs and the
same clock; the Video SDK's limits are tried below, at and above through the page."""

import json

import jwt
import pytest
from streamlit.testing.v1 import AppTest

from lib.signing.steps import SIGNING_STEPS
from lib.widget_keys import BUILDER, SHARED_FORM
from lib.zoom.facts import DEMO_SDK_SECRET
from lib.zoom.families import FAMILIES, MEETING_NATIVE, MEETING_WEB, VIDEO
from support.apptest import submit_form
from support.cli import run_cli
from support.credentials import clear_configured_credentials
from support.paths import APP_FILE

SECRET = "families-apptest-secret-0123456789-abcdefgh"
KEY = "Qx7TvB2nWk9PjR4sLd"
LIFETIME = 3600
SDK = {MEETING_WEB: "web", MEETING_NATIVE: "native", VIDEO: "video"}
# What a user fills in for each family (widget values by claim), and the same inputs as `python -m lib sign`
# takes them (its own field names, written out here rather than read from the claim table).
CASES = {
    MEETING_WEB: (
        {"mn": "857 4606 5432", "role": 1, "video_webrtc_mode": 1},
        {"meetingNumber": "85746065432", "role": 1, "videoWebRtcMode": 1},
    ),
    MEETING_NATIVE: ({"video_webrtc_mode": 0}, {"videoWebRtcMode": 0}),
    VIDEO: (
        {
            "role_type": 1,
            "tpc": "Física 101 — session",
            "user_key": "user-42",
            "session_key": "room-7",
            "geo_regions": ["US", "DE"],
            "cloud_recording_option": 1,
            "cloud_recording_election": 1,
            "cloud_recording_transcript_option": 2,
            "telemetry_tracking_id": "tracking-1",
            "video_webrtc_mode": 1,
            "audio_webrtc_mode": 0,
        },
        {
            "role": 1,
            "sessionName": "Física 101 — session",
            "userKey": "user-42",
            "sessionKey": "room-7",
            "geoRegions": "US,DE",
            "cloudRecordingOption": 1,
            "cloudRecordingElection": 1,
            "cloudRecordingTranscriptOption": 2,
            "telemetryTrackingId": "tracking-1",
            "videoWebRtcMode": 1,
            "audioWebRtcMode": 0,
        },
    ),
}


@pytest.fixture
def app(monkeypatch):
    clear_configured_credentials(monkeypatch)
    return AppTest.from_file(APP_FILE, default_timeout=30).run()


def choose(at, family):
    at.selectbox(key=BUILDER["family"]).set_value(SDK[family]).run()
    assert not at.exception, at.exception


def claim_widget(at, family, claim):
    key = BUILDER["claim"].format(family=family, claim=claim)
    found = [w for kind in (at.text_input, at.selectbox, at.multiselect) for w in kind if w.key == key]
    assert len(found) == 1, f"no widget for {claim} in the {family} form"
    return found[0]


def sign(at, family, claims=(), secret=SECRET, **settings):
    """Fill the family's claims (by name) and the shared fields, press Sign; the shown token or None."""
    pairs = [(claim_widget(at, family, claim), value) for claim, value in dict(claims).items()]
    pairs += [(at.text_input(key=BUILDER["sdk_key"]), KEY), (at.text_input(key=BUILDER["sdk_secret"]), secret)]
    pairs += [(at.number_input(key=BUILDER["lifetime"]), settings.get("lifetime", LIFETIME))]
    submit_form(at, BUILDER["submit"], pairs)
    return shown_token(at)


def shown_token(at):
    codes = [c.value for c in at.code if c.value.count(".") == 2 and c.value.startswith("eyJ")]
    return codes[0] if codes else None


def all_text(at):
    return "\n".join(str(e.proto) for e in at.main)


def payload(token, secret=SECRET):
    return jwt.decode(token, secret, algorithms=["HS256"], options={"verify_exp": False})


@pytest.mark.parametrize("family", list(CASES))
def test_each_family_signs_what_the_command_line_signs(app, family):
    choose(app, family)
    widgets, cli_fields = CASES[family]
    token = sign(app, family, widgets)
    claims = payload(token)  # PyJWT verifies the HMAC with the secret
    now = app.session_state[BUILDER["result"]]["now"]
    record = {"sdk": SDK[family], "sdkKey": KEY, "sdkSecret": SECRET, "exp": now + LIFETIME, **cli_fields}
    process, [signed] = run_cli("sign", [record], "--now", str(now))
    assert process.returncode == 0, process.stderr
    assert signed["token"] == token and signed["token_family"] == family
    assert json.loads(signed["payload_json"]) == claims
    step_values = [c.value for c in app.code]
    for step in SIGNING_STEPS:  # every step is drawn, each with the value the command line computed
        assert signed[step.field] in step_values, step.field
    assert f"**token_family** `{family}`" in all_text(app)
    assert app.session_state[SHARED_FORM].family == family


def test_a_native_token_has_no_meeting_number_nor_role_and_keeps_token_exp(app):
    choose(app, MEETING_NATIVE)
    assert not [w for w in app.text_input if w.key.endswith("_mn")]
    claims = payload(sign(app, MEETING_NATIVE))
    assert list(claims) == ["appKey", "sdkKey", "iat", "exp", "tokenExp"]
    assert claims["tokenExp"] == claims["exp"] == claims["iat"] + LIFETIME
    assert not app.error and not app.warning


def test_a_video_sdk_token_has_its_claims_in_the_official_samples_order(app):
    choose(app, VIDEO)
    claims = payload(sign(app, VIDEO, CASES[VIDEO][0]))
    # zoom/videosdk-auth-endpoint-sample src/index.js writes app_key, role_type, tpc, version, iat, exp, then the
    # user's identifier, session_key and the settings (the auth page's table adds the transcript option)
    assert list(claims) == [
        "app_key",
        "role_type",
        "tpc",
        "version",
        "iat",
        "exp",
        "user_key",
        "session_key",
        "geo_regions",
        "cloud_recording_option",
        "cloud_recording_election",
        "cloud_recording_transcript_option",
        "telemetry_tracking_id",
        "video_webrtc_mode",
        "audio_webrtc_mode",
    ]
    assert claims["role_type"] == 1 and claims["version"] == 1 and claims["geo_regions"] == "US,DE"
    assert not app.error and not app.warning


def test_the_video_sdk_form_opens_on_a_token_with_only_the_required_claims(app):
    choose(app, VIDEO)
    claims = payload(shown_token(app), DEMO_SDK_SECRET)
    assert list(claims) == ["app_key", "role_type", "tpc", "version", "iat", "exp"]
    assert claims["role_type"] == 0 and claims["tpc"]


@pytest.mark.parametrize(
    ("claim", "limit", "code"),
    [("tpc", 200, "tpc_too_long"), ("user_key", 36, "user_key_too_long"), ("session_key", 36, "session_key_too_long")],
)
@pytest.mark.parametrize("length_off", [-1, 0, 1])
def test_each_video_sdk_text_limit_below_at_and_above(app, claim, limit, code, length_off):
    choose(app, VIDEO)
    text = "s" * (limit + length_off)
    token = sign(app, VIDEO, {claim: text})
    problems = {p.code: p.text for p in app.session_state[BUILDER["result"]]["problems"]}
    if length_off <= 0:
        assert payload(token)[claim] == text and code not in problems
    else:
        assert token is None and f"is {limit + 1} characters long; Zoom allows at most {limit}." in problems[code]
        messages = " ".join(e.value for e in app.error)
        assert f"Zoom allows at most {limit}" in messages and "Not signed" in messages


@pytest.mark.parametrize(("emoji", "signed"), [(100, True), (101, False)])
def test_the_session_name_is_counted_as_javascript_counts_it(app, emoji, signed):
    """An emoji is two UTF-16 units: 100 of them are 200 for join()'s topic check, 101 are 202."""
    choose(app, VIDEO)
    token = sign(app, VIDEO, {"tpc": "😀" * emoji})
    assert (token is not None) is signed


@pytest.mark.parametrize(
    ("lifetime", "code"),
    [
        (1799, "lifetime_too_short"),
        (1800, None),
        (1801, None),
        (172799, None),
        (172800, None),
        (172801, "lifetime_too_long"),
    ],
)
def test_the_video_sdk_lifetime_below_at_and_above_its_bounds(app, lifetime, code):
    choose(app, VIDEO)
    token = sign(app, VIDEO, lifetime=lifetime)
    problems = {p.code for p in app.session_state[BUILDER["result"]]["problems"]}
    if code is None:
        claims = payload(token)
        assert claims["exp"] - claims["iat"] == lifetime and not problems
    else:
        assert token is None and code in problems and "Not signed" in " ".join(e.value for e in app.error)


def test_an_empty_session_name_is_refused_with_how_to_fix_it(app):
    choose(app, VIDEO)
    assert sign(app, VIDEO, {"tpc": ""}) is None
    messages = " ".join(e.value for e in app.error)
    assert "no tpc" in messages and "session name" in messages and "Not signed" in messages


@pytest.mark.parametrize(("session_name", "said"), [("   ", "whitespace only"), ("Cool Cars ", "around the name")])
def test_the_builder_signs_a_blank_or_padded_session_name_with_a_warning(app, session_name, said):
    choose(app, VIDEO)
    token = sign(app, VIDEO, {"tpc": session_name})
    assert payload(token)["tpc"] == session_name  # signed as typed: join() gets the same text
    problems = {p.code: p for p in app.session_state[BUILDER["result"]]["problems"]}
    assert problems["tpc_whitespace"].severity == "warning"
    [shown] = [box.value.replace("\\", "") for box in app.warning if "tpc is" in box.value]
    assert said in shown and "Trim the session name once" in shown and not app.error


def test_switching_family_keeps_the_typed_secret_and_leaves_the_other_familys_claims(app):
    sign(app, MEETING_WEB, {"mn": "85746065432", "role": 1})
    choose(app, VIDEO)  # the new family's token is signed at once, with the secret kept on the server
    claims = payload(shown_token(app))
    assert set(claims) <= set(FAMILIES[VIDEO].claims) and "mn" not in claims and "role" not in claims
    assert "kept from your earlier submit" in all_text(app)
    assert app.text_input(key=BUILDER["sdk_secret"]).value == ""
    assert SECRET not in all_text(app)
    video = {"user_key": "u-1", "role_type": 1, "video_webrtc_mode": 1}
    claims = payload(sign(app, VIDEO, video, secret=""))
    assert claims["user_key"] == "u-1" and claims["role_type"] == 1 and claims["video_webrtc_mode"] == 1
    for family in (MEETING_NATIVE, MEETING_WEB):
        choose(app, family)
        claims = payload(sign(app, family, secret=""))
        assert set(claims) <= set(FAMILIES[family].claims)  # a claim both families have starts afresh too
        assert not {"tpc", "user_key", "role_type", "version", "app_key", "video_webrtc_mode"} & set(claims)
    assert claims["role"] == 0  # the web form's own role, not the Video SDK's role_type 1
    assert SECRET not in all_text(app)


def test_a_family_switched_to_is_not_handed_to_other_pages_until_signed(app):
    sign(app, MEETING_WEB)
    choose(app, VIDEO)
    assert app.session_state[SHARED_FORM].family == MEETING_WEB
    sign(app, VIDEO)
    assert app.session_state[SHARED_FORM].family == VIDEO


def test_the_payload_step_shows_the_functions_that_signed_the_video_sdk_payload(app):
    choose(app, VIDEO)
    sign(app, VIDEO)
    expander = BUILDER["step_code"].format(field="payload_json")
    assert [e.label for e in app.expander if e.key == expander] == [
        "Code that computed it: `build_payload`, `version_claim`"
    ]
    app.session_state[expander] = True  # what opening the expander sends
    app.run()
    sources = [c.value for c in app.code if c.value.startswith("def ")]
    assert [source.split("(")[0] for source in sources] == ["def build_payload", "def version_claim"]
    explanation = " ".join(c.value for c in app.caption)
    assert "`tpc` the session name passed to join()" in explanation
