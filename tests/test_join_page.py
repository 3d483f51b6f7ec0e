"""The join page through Streamlit's AppTest: what the meeting component receives, the pre-join stop,
and the explanation of an outcome the component reports (its state is set as the browser would)."""

import json
import time

import pytest
from streamlit.testing.v1 import AppTest

from conftest import APP_FILE, clear_configured_credentials, open_app_page, submit_form
from lib.builder.form import FormInput
from lib.join.plan import CHANNEL, HOST_JS, bugs_answered_with
from lib.navigation import page_path
from lib.signing.steps import SignatureRequest, build_signature_steps
from lib.widget_keys import JOIN, SHARED_FORM, SHARED_TOKEN
from lib.zoom.facts import DEMO_MEETING_NUMBER

SECRET = "join-page-secret-0123456789-abcdefghijkl"
XSS_NAMES = ["</script><script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
MAC_ONLY = "JLYSXH_XIou9G1wvnrX-JETQ1RLr4PapY7p1pQsuXHg"


def builder_token(role=0):
    now = int(time.time())
    return build_signature_steps(
        SignatureRequest("PageKey0123", SECRET, DEMO_MEETING_NUMBER, role, now, now + 7200)
    ).token


@pytest.fixture
def app(monkeypatch):
    """The join page in a session where the builder has signed (the secret sits server-side in SHARED_FORM)."""
    clear_configured_credentials(monkeypatch)
    shared = {SHARED_FORM: FormInput("PageKey0123", SECRET, "857 4606 5432", 0), SHARED_TOKEN: builder_token()}
    return open_app_page("pages/join.py", shared)


def join(at, **values):
    widget = {"token": at.text_area}
    pairs = [(widget.get(name, at.text_input)(key=JOIN[name]), value) for name, value in values.items()]
    return submit_form(at, JOIN["submit"], pairs)


def meeting_components(at):
    return [e for e in at.main if getattr(e, "type", "") == "bidi_component"]


def meeting_data(at):
    (component,) = meeting_components(at)
    assert component.proto.component_name == "signature_lab.join_meeting"
    assert component.proto.js_content == HOST_JS and component.proto.html_content == ""
    return json.loads(component.proto.json)


def all_protos(at):
    return "\n".join(str(e.proto) for e in at.main)


def report(at, **outcome):
    """What the host component does when the frame posts an outcome: set the component's state."""
    nonce = meeting_data(at)["nonce"]
    at.session_state[JOIN["meeting"]] = {"outcome": {"channel": CHANNEL, "nonce": nonce, "reason": "", **outcome}}
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_form_starts_from_the_builders_meeting_and_token(app):
    assert app.text_input(key=JOIN["meeting_number"]).value == "857 4606 5432"
    assert app.session_state[SHARED_TOKEN] in [c.value for c in app.code]
    assert meeting_components(app) == []


def test_component_data_carries_the_token_and_meeting_number_never_the_secret(app):
    join(app)
    data = meeting_data(app)
    assert data["config"]["join"]["signature"] == app.session_state[SHARED_TOKEN]
    assert data["config"]["join"]["meetingNumber"] == DEMO_MEETING_NUMBER
    assert set(data["config"]["join"]) == {"signature", "meetingNumber", "password", "userName"}
    assert data["frameUrl"] == "/app/static/join-frame.html"
    assert SECRET not in all_protos(app)
    assert app.info[0].value.startswith("**meetingNumber**")  # spaces removed, and said so


@pytest.mark.parametrize("name", XSS_NAMES)
def test_hostile_display_names_travel_only_as_json_data(app, name):
    join(app, user_name=name)
    (component,) = meeting_components(app)
    assert component.proto.html_content == ""  # no markup is built from any value
    assert json.loads(component.proto.json)["config"]["join"]["userName"] == name  # a JSON string, intact
    others = [e for e in app.main if e is not component]
    assert not any(name in str(e.proto) for e in others)  # and shown nowhere else on the page


def test_a_pasted_token_wins_over_the_builders(app):
    pasted = builder_token()
    join(app, token=f"  {pasted}\n")
    assert meeting_data(app)["config"]["join"]["signature"] == pasted


def test_a_mac_only_token_is_stopped_with_its_explanation(app):
    join(app, token=MAC_ONLY)
    assert meeting_components(app) == []
    errors = " ".join(e.value for e in app.error)
    assert "Not sent to Zoom" in errors and "HMAC" in errors


def test_zak_and_obf_together_are_refused(app):
    join(app, zak="zak-value", obf_token="obf-value")
    assert meeting_components(app) == []
    assert any("not both" in e.value for e in app.error)


def test_a_reported_3712_is_explained_with_the_catalogues_mistakes(app):
    join(app)
    report(app, status="failed", errorCode=3712, reason="Signature is invalid.", errorType="JOIN_MEETING_FAILED")
    assert "error 3712" in app.error[0].value and "Signature is invalid" in app.error[0].value
    assert app.expander[-1].label == f"Known mistakes that give this answer ({len(bugs_answered_with(3712))})"
    assert any("(`standard_base64_segments`)" in m.value for m in app.expander[-1].markdown)
    assert meeting_components(app)  # the frame stays for this run, showing the SDK's own dialog
    app.run()
    assert meeting_components(app) == []  # a failed attempt is not joined again on the next run
    assert "error 3712" in app.error[0].value


def test_a_report_of_another_attempt_is_ignored(app):
    join(app)
    app.session_state[JOIN["meeting"]] = {"outcome": {"channel": CHANNEL, "nonce": "old", "status": "joined"}}
    app.run()
    assert not app.success and "Loading the Web SDK" in app.info[-1].value


def test_joined_keeps_the_meeting_and_leave_closes_it(app):
    join(app)
    report(app, status="joined")
    assert "Joined" in app.success[0].value
    app.run()
    assert meeting_components(app)
    app.button(key=JOIN["leave"]).click().run()
    assert meeting_components(app) == [] and not app.success


def test_insecure_context_is_explained(app):
    join(app)
    report(app, status="insecure_context", detail="http://192.168.1.20:8501")
    assert "not a secure context" in app.warning[0].value
    assert "localhost" in all_protos(app)


def test_the_inspector_gets_the_token_through_session_state():
    """A stopped join offers the Token doctor; the token goes there in session state, never in a URL."""
    assert page_path("token-doctor") == "pages/token_doctor.py", "the app's menu has no Token doctor"
    at = AppTest.from_file(APP_FILE, default_timeout=30)
    at.run()
    at.switch_page("pages/join.py").run()
    pasted = builder_token()
    join(at, token=pasted, meeting_number="12345678901")  # mn differs: stopped, worth inspecting
    [inspect] = [b for b in at.button if b.key == JOIN["inspect"]]
    inspect.click().run()
    assert at.session_state[SHARED_TOKEN] == pasted
    assert [title.value for title in at.title] == ["Token doctor"]  # switched there
    assert pasted not in str(at.query_params)  # the address bar never holds it
