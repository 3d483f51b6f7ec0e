"""The 'Buggy vs correct' page through Streamlit's AppTest: every preset, free combinations, shared inputs."""

import pytest

from lib.builder.form import FormInput
from lib.javascript.forum import FORUM_SNIPPET
from lib.mistakes.buggy_signer import PRESETS
from lib.mistakes.catalogue import BUGS
from lib.present.buggy_vs_correct import PRESET_LABELS, family_bugs, family_presets
from lib.present.display import escape_markdown
from lib.signing.encoding import secret_fingerprint
from lib.widget_keys import BUGGY, SHARED_FORM
from lib.zoom.facts import DEMO_SDK_KEY
from lib.zoom.families import MEETING_WEB, SDK_FAMILIES, VIDEO
from support import pages
from support.apptest import open_app_page
from support.credentials import clear_configured_credentials

PAGE = pages.BUGGY_VS_CORRECT.path
SECRET = "buggy-page-secret-0123456789-abcdefghij"
# Any payload with this key needs '=' padding in standard base64, whatever the clock says.
PADDED_KEY = "abcDEF123ghiJKL456mnoP~?~?~?"


def bug_key(bug_id):
    return BUGGY["bug"].format(bug_id=bug_id)


@pytest.fixture
def app(monkeypatch):
    clear_configured_credentials(monkeypatch)
    return open_app_page(PAGE)


def choose(at, preset):
    at.selectbox(key=BUGGY["preset"]).select(preset).run()
    assert not at.exception, at.exception
    return at


def compare_with_key(at, sdk_key):
    """Type a key into the inputs form and submit it."""
    at.text_input(key=BUGGY["sdk_key"]).set_value(sdk_key)
    at.button(key=BUGGY["compare"]).click().run()
    assert not at.exception, at.exception
    return at


def markdown_text(at):
    return "\n".join(m.value for m in at.markdown)


def verdicts(at):
    return [m.value for m in at.markdown if m.value.startswith((":material/check_circle: **", ":material/error: **"))]


def ticked(at, family=MEETING_WEB):
    return {bug_id for bug_id in family_bugs(family) if at.checkbox(key=bug_key(bug_id)).value}


def choose_sdk(at, sdk):
    at.selectbox(key=BUGGY["family"]).select(sdk).run()
    assert not at.exception, at.exception
    return at


def test_opens_on_the_forum_snippet_with_its_bugs_ticked(app):
    assert app.selectbox(key=BUGGY["preset"]).value == "forum"
    assert ticked(app) == set(PRESETS["forum"].bug_ids)
    assert len(verdicts(app)) == 9
    assert any("Cannot read properties of undefined" in e.value for e in app.error)


def expected_verdict(preset):
    """A verdict line the preset must produce on the demo inputs (argument_shift: the role 0 is a number)."""
    if preset in ("forum_call", "argument_shift"):
        return "never computed: CryptoJS.HmacSHA256 threw TypeError: key.clamp is not a function"
    if preset == "forum":
        return f"differs because: {BUGS['meeting_number_claim'].title}"
    return f"differs because: {BUGS[preset].title}"


PRESET_CASES = [(sdk, preset) for sdk, family in SDK_FAMILIES.items() for preset in family_presets(family)[:-1]]


def test_every_preset_is_offered_for_every_family_its_mistakes_apply_to():
    assert {preset for _, preset in PRESET_CASES} == set(PRESETS)
    assert all(family_presets(family)[-1] == "custom" for family in SDK_FAMILIES.values())


@pytest.mark.parametrize(("sdk", "preset"), PRESET_CASES)
def test_every_preset_renders_with_its_verdicts(app, sdk, preset):
    if sdk != "web":
        choose_sdk(app, sdk)
    if preset == "standard_base64_segments":  # make the intermittent bug show
        compare_with_key(app, PADDED_KEY)
    choose(app, preset)
    assert ticked(app, SDK_FAMILIES[sdk]) == set(PRESETS[preset].bug_ids)
    if preset == "secret_in_browser":
        assert all(v.endswith("— same") for v in verdicts(app))
    else:
        assert expected_verdict(preset) in markdown_text(app)
    final = [a.value for a in (*app.error, *app.warning) if a.value.startswith("Caught by:")]
    assert len(final) == 1
    for bug_id in PRESETS[preset].bug_ids:  # the catalogue entry of each bug in play is on the page
        assert any(bug_id in e.label for e in app.expander)


def test_forums_call_says_crypto_js_throws(app):
    choose(app, "forum_call")
    assert "never computed: CryptoJS.HmacSHA256 threw TypeError: key.clamp is not a function" in markdown_text(app)


def test_ticking_a_box_makes_a_free_combination(app):
    choose(app, "role_inverted")
    app.checkbox(key=bug_key("meeting_number_claim")).check().run()
    assert app.selectbox(key=BUGGY["preset"]).value == "custom"
    assert ticked(app) == {"role_inverted", "meeting_number_claim"}
    payload_verdict = next(v for v in verdicts(app) if "Payload JSON" in v)
    assert BUGS["role_inverted"].title in payload_verdict and BUGS["meeting_number_claim"].title in payload_verdict


def test_choosing_a_preset_again_resets_the_boxes(app):
    app.checkbox(key=bug_key("expired")).check().run()
    choose(app, "mac_only")
    assert ticked(app) == {"mac_only"}


def test_conflicting_switches_get_a_message_not_a_traceback(app):
    choose(app, "lifetime_too_short")
    app.checkbox(key=bug_key("lifetime_too_long")).check().run()
    assert not app.exception
    assert any("cannot be on together" in e.value for e in app.error)


def test_an_emoji_key_makes_btoa_throw(app):
    compare_with_key(app, "key-😀")
    assert "never computed: btoa(payload) threw InvalidCharacterError: Invalid character" in markdown_text(app)


def test_a_trainer_can_walk_the_snippet_line_by_line(app):
    codes = [c.value for c in app.code]
    for line in FORUM_SNIPPET:
        assert line.js in codes


def open_with_builder_form(monkeypatch, form):
    """The page after a builder submit in the same session (the builder leaves its FormInput behind)."""
    clear_configured_credentials(monkeypatch)
    return open_app_page(PAGE, {SHARED_FORM: form})


def test_inputs_come_from_the_builder_and_the_secret_stays_on_the_server(monkeypatch):
    at = open_with_builder_form(monkeypatch, FormInput("SharedKey12345", SECRET, "857 4606 5432", 1))
    assert at.text_input(key=BUGGY["sdk_key"]).value == "SharedKey12345"
    assert at.selectbox(key=BUGGY["role"]).value == 1
    assert any(secret_fingerprint(SECRET) in c.value for c in at.caption)
    # the forum's payload, as the walkthrough shows it, was built from the builder's (normalized) inputs
    assert any(
        '"appKey":"SharedKey12345"' in c.value and '"meetingNumber":"85746065432","role":1' in c.value for c in at.code
    )
    assert SECRET not in "\n".join(str(e.proto) for e in at.main)


def test_swapping_key_and_secret_never_shows_a_real_secret(monkeypatch):
    at = open_with_builder_form(monkeypatch, FormInput("SharedKey12345", SECRET, "85746065432", 0))
    choose(at, "key_secret_swapped")
    everything = "\n".join(str(e.proto) for e in at.main)
    assert SECRET not in everything and DEMO_SDK_KEY in everything
    assert any("demo credentials" in i.value for i in at.info)


def test_text_from_the_inputs_is_escaped(app):
    compare_with_key(app, "a_b*c")
    choose(app, "wrong_app_type")  # the details line names the replaced appKey
    assert any(escape_markdown('appKey: "a_b*c"') in c.value for c in app.caption)


def test_the_python_that_ran_is_drawn_when_opened(app):
    assert not any(c.value.startswith("def ") for c in app.code)
    app.session_state[BUGGY["python"]] = True  # what opening the expander sends
    codes = [c.value for c in app.run().code]
    assert any(c.startswith("def forum_generate_signature(") for c in codes)
    choose(app, "standard_base64_segments")
    assert any(c.value.startswith("def sign_with_bugs(") for c in app.code)


def test_the_video_sdk_shows_its_own_mistakes_and_what_its_platforms_report(app):
    """Which SDK? Video SDK: its mistakes only, a session name to type, the tpc mistake first, and a prediction only
    where the fact base has one (the native Video SDK's 1507), with no Web SDK code and no forum snippet."""
    choose_sdk(app, "video")
    assert app.selectbox(key=BUGGY["preset"]).value == "tpc_not_session_name"
    assert app.selectbox(key=BUGGY["preset"]).options == [PRESET_LABELS[p] for p in family_presets(VIDEO)]
    assert ticked(app, VIDEO) == {"tpc_not_session_name"}
    assert not any(c.key == bug_key("meeting_number_claim") for c in app.checkbox)
    assert app.text_input(key=BUGGY["session_name"]).value == "Team Standup"
    assert f"differs because: {BUGS['tpc_not_session_name'].title}" in markdown_text(app)
    assert any(escape_markdown('tpc: "Team Standup" → "Team%20Standup"') in c.value for c in app.caption)
    [final] = [e.value for e in app.error if e.value.startswith("Caught by:")]
    assert "native Video SDK: 1507 Errors_JoinSession_Token_MismatchedSessionName" in final and "3712" not in final
    assert "What happens next** (the Video SDK)" in markdown_text(app)
    assert not any(line.js in [c.value for c in app.code] for line in FORUM_SNIPPET)


def test_a_session_name_url_encoding_does_not_change_says_so(app):
    choose_sdk(app, "video")
    app.text_input(key=BUGGY["session_name"]).set_value("Standup")
    app.button(key=BUGGY["compare"]).click().run()
    assert any("nothing URL encoding changes" in i.value for i in app.info)
    assert all(v.endswith("— same") or "— same —" in v for v in verdicts(app))


def test_a_video_sdk_role_as_text_is_role_type_and_predicts_no_code(app):
    choose_sdk(app, "video")
    choose(app, "role_string")
    payload_row = next(v for v in verdicts(app) if "Payload JSON" in v)
    assert BUGS["role_string"].title in payload_row
    assert any(escape_markdown('role_type: 0 → "0"') in c.value for c in app.caption)
    [final] = [e.value for e in app.error if e.value.startswith("Caught by:")]
    assert "not documented" in final and not any(char.isdigit() for char in final)


def test_the_native_sdk_has_no_forum_snippet_and_the_web_brings_it_back(app):
    choose_sdk(app, "native")
    assert "forum" not in family_presets(SDK_FAMILIES["native"])
    assert app.selectbox(key=BUGGY["preset"]).value != "forum"
    assert not any(line.js in [c.value for c in app.code] for line in FORUM_SNIPPET)
    choose(app, "expired")  # the native SDK's first preset is its own mistake: pick one the web's signers make too
    kept = app.selectbox(key=BUGGY["preset"]).value
    choose_sdk(app, "web")  # a preset the web's signers make too stays chosen
    assert app.selectbox(key=BUGGY["preset"]).value == kept and ticked(app) == {kept}
    assert all(line.js in [c.value for c in app.code] for line in FORUM_SNIPPET)
