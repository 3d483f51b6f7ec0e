"""Every page, run with a known secret everywhere a secret can enter, never renders it.

The secret arrives three ways: configured on the server, shared from the builder in session state,
and typed into every password field of the page; then every button is pressed. All element protos
(what Streamlit would send to the browser) are scanned for the secret and for its base64 forms.
"""

import base64

import pytest
from streamlit.proto.TextInput_pb2 import TextInput
from streamlit.testing.v1 import AppTest

from conftest import APP_FILE
from lib.builder.form import FormInput
from lib.navigation import PAGES
from lib.widget_keys import SHARED_FORM
from lib.zoom.facts import ENV_SDK_KEY, ENV_SDK_SECRET

SECRET = "known-secret-for-the-scan-0123456789-XYZW"
FORBIDDEN = [SECRET, base64.b64encode(SECRET.encode()).decode(), SECRET.encode().hex()]


def rendered_text(at):
    return "\n".join(str(element.proto) for element in (*at.main, *at.sidebar))


def assert_secret_absent(at, where):
    assert not at.exception, at.exception
    text = rendered_text(at)
    for form in FORBIDDEN:
        assert form not in text, f"secret rendered on {where}"


@pytest.mark.parametrize("entry", PAGES, ids=lambda e: e.url_path)
def test_no_page_renders_the_secret(monkeypatch, entry):
    monkeypatch.setenv(ENV_SDK_KEY, "ScanKey0123")
    monkeypatch.setenv(ENV_SDK_SECRET, SECRET)
    at = AppTest.from_file(APP_FILE, default_timeout=30)
    at.session_state[SHARED_FORM] = FormInput("ScanKey0123", SECRET, "85746065432", 1)
    at.run()
    at.switch_page(entry.path).run()
    assert_secret_absent(at, f"{entry.url_path} (first run)")
    for index in range(len(at.button)):
        if index >= len(at.button):
            break
        if at.button[index].disabled:  # a user cannot press it (e.g. Previous on the first step)
            continue
        for text_input in at.text_input:
            if text_input.proto.type == TextInput.PASSWORD:
                text_input.set_value(SECRET)
        for checkbox in at.checkbox:
            checkbox.check()
        at.button[index].click().run()
        assert_secret_absent(at, f"{entry.url_path} after button {index}")
