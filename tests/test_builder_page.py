"""The builder page through Streamlit's AppTest: renders, signs, and answers bad input with messages."""

import base64
import hashlib
import hmac
import re
import subprocess
import sys

import jwt
import pytest
from streamlit.testing.v1 import AppTest

from lib.signing.steps import SIGNING_STEPS
from lib.widget_keys import BUILDER, SHARED_FORM, SHARED_TOKEN
from lib.zoom.facts import DEMO_MEETING_NUMBER, DEMO_SDK_KEY, DEMO_SDK_SECRET, ENV_SDK_KEY, ENV_SDK_SECRET
from support.apptest import submit_form
from support.credentials import clear_configured_credentials
from support.paths import APP_FILE, ROOT

SECRET = "apptest-secret-0123456789-abcdefghijklmn"
# Streamlit 1.67's frontend loads remark-emoji and its emoji table (about 260 KB) for any Markdown text
# that matches this (StreamlitMarkdown's shortcode test), such as the ":28:" of a time 09:55:28.
EMOJI_SHORTCODE = re.compile(r":(?!material/|streamlit:)[\w+-][\w_+-]*:")


@pytest.fixture
def app(monkeypatch):
    clear_configured_credentials(monkeypatch)
    return AppTest.from_file(APP_FILE, default_timeout=30).run()


def submit(at, **values):
    def widget(name):
        if name in ("sdk_key", "sdk_secret", "meeting_number"):
            return at.text_input(key=BUILDER[name])
        return at.number_input(key=BUILDER[name]) if name == "lifetime" else at.checkbox(key=BUILDER[name])

    return submit_form(at, BUILDER["submit"], [(widget(name), value) for name, value in values.items()])


def shown_token(at):
    codes = [c.value for c in at.code if c.value.count(".") == 2 and c.value.startswith("eyJ")]
    return codes[0] if codes else None


def all_text(at):
    return "\n".join(str(e.proto) for e in at.main)


def test_page_opens_on_the_demo_signature_without_sharing_it(app):
    assert not app.exception
    assert app.text_input(key=BUILDER["sdk_key"]).value == DEMO_SDK_KEY
    assert app.text_input(key=BUILDER["sdk_secret"]).value == ""
    claims = jwt.decode(shown_token(app), DEMO_SDK_SECRET, algorithms=["HS256"])
    assert claims["appKey"] == DEMO_SDK_KEY and claims["mn"] == DEMO_MEETING_NUMBER
    assert any("public demo secret" in w.value for w in app.warning)
    assert SHARED_TOKEN not in app.session_state and SHARED_FORM not in app.session_state  # nothing signed yet


def test_first_page_costs_a_new_server_no_heavy_import_and_the_browser_no_emoji_table(app):
    """The builder is what a new server draws first (bench/startup.py): nothing there that it need not."""
    texts = [element.value for kind in (app.markdown, app.caption, app.warning, app.error) for element in kind]
    assert texts and not [text for text in texts if EMOJI_SHORTCODE.search(text)]
    first_run = (
        "import sys\nfrom streamlit.testing.v1 import AppTest\n"
        f"assert not AppTest.from_file({APP_FILE!r}, default_timeout=30).run().exception\n"
        "print(sorted({'numpy', 'PIL', 'pandas', 'pyarrow'} & set(sys.modules)))"
    )
    run = subprocess.run([sys.executable, "-c", first_run], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]", "the first page imported what only other pages or an image favicon need"


def test_demo_submit_shows_a_token_that_pyjwt_verifies(app):
    submit(app)
    claims = jwt.decode(shown_token(app), DEMO_SDK_SECRET, algorithms=["HS256"])
    assert claims["appKey"] == DEMO_SDK_KEY and claims["exp"] - claims["iat"] == 7200
    assert any("demo secret" in w.value for w in app.warning)
    assert app.session_state[SHARED_TOKEN] == shown_token(app)


def test_typed_secret_signs_and_leaves_the_widget(app):
    submit(app, sdk_secret=SECRET + "\n", meeting_number="857 4606 5432")
    token = shown_token(app)
    assert jwt.decode(token, SECRET, algorithms=["HS256"])["mn"] == "85746065432"
    assert app.text_input(key=BUILDER["sdk_secret"]).value == ""
    assert SECRET not in all_text(app)
    assert any("line break" in w.value for w in app.info)
    assert app.session_state[SHARED_FORM].sdk_secret == SECRET + "\n"
    submit(app)  # the next submit keeps using the secret typed before
    assert jwt.decode(shown_token(app), SECRET, algorithms=["HS256"])


def test_every_step_and_its_code_are_shown(app):
    submit(app, sdk_secret=SECRET)
    values = [c.value for c in app.code]
    assert '{"alg":"HS256","typ":"JWT"}' in values
    assert [e.label for e in app.expander if e.label.startswith("Code that computed it")] == [
        "Code that computed it: " + ", ".join(f"`{function.__name__}`" for function in step.functions)
        for step in SIGNING_STEPS
    ]
    assert not any(v.startswith("def ") for v in values)  # closed expanders draw no code
    for field in ("payload_json", "hmac_hex"):
        app.session_state[BUILDER["step_code"].format(field=field)] = True  # what opening the expander sends
    app.run()
    values = [c.value for c in app.code]
    assert any(v.startswith("def hmac_sha256(") for v in values)
    assert any(v.startswith("def build_payload(") for v in values)
    assert any(v.startswith("def version_claim(") for v in values)  # the payload's step ran both
    assert sum(v.startswith("def ") for v in values) == 3


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"sdk_key": ""}, "SDK key"),
        ({"sdk_key": "   "}, "SDK key"),
        ({"meeting_number": ""}, "meeting number"),
        ({"meeting_number": "857abc"}, "only digits"),
        ({"meeting_number": "😀😀😀"}, "only digits"),
        ({"meeting_number": "https://zoom.us/my/profile"}, "no meeting number"),
        ({"lifetime": 60}, "at least 1800"),
        ({"lifetime": 200000}, "at most 172800"),
    ],
)
def test_bad_input_is_refused_with_a_message(app, values, expected):
    submit(app, sdk_secret=SECRET, **values)
    assert shown_token(app) is None
    messages = " ".join(e.value for e in app.error)
    assert expected in messages and "Not signed" in messages


def test_sign_anyway_shows_what_breaks(app):
    submit(app, sdk_secret=SECRET, meeting_number="857abc", sign_anyway=True)
    assert jwt.decode(shown_token(app), SECRET, algorithms=["HS256"])["mn"] == "857abc"


@pytest.mark.parametrize(
    ("secret", "key"),
    [
        ("x" * 10_000, "x" * 10_000),
        ("秘密🔑" * 8, "秘密🔑" * 8),  # UTF-8 bytes, as PyJWT and npm jsonwebtoken key it
        ("  ", ""),  # only whitespace: read as empty, and said so
        ("0123456789abcdef0123456789ABCDEF", "0123456789abcdef0123456789ABCDEF"),  # as text, not as hex bytes
    ],
)
def test_odd_secrets_sign_with_exactly_that_secret(app, secret, key):
    submit(app, sdk_secret=secret, sign_anyway=True)
    signing_input, signature = shown_token(app).rsplit(".", 1)
    mac = hmac.new(key.encode(), signing_input.encode(), hashlib.sha256).digest()  # the standard library's HMAC
    assert base64.urlsafe_b64encode(mac).rstrip(b"=").decode() == signature
    assert any(f"typed in the form · {len(key)} characters" in caption.value for caption in app.caption)


def test_join_link_is_normalized_with_a_note(app):
    submit(app, sdk_secret=SECRET, meeting_number="https://us05web.zoom.us/j/85746065432?pwd=abc")
    assert jwt.decode(shown_token(app), SECRET, algorithms=["HS256"])["mn"] == "85746065432"
    assert any("join link" in i.value for i in app.info)


def test_configured_secret_is_offered_and_never_rendered(monkeypatch):
    monkeypatch.setenv(ENV_SDK_KEY, "ConfiguredKey123")
    monkeypatch.setenv(ENV_SDK_SECRET, SECRET)
    at = AppTest.from_file(APP_FILE, default_timeout=30).run()
    assert SECRET not in all_text(at)
    submit(at, use_configured=True)
    claims = jwt.decode(shown_token(at), SECRET, algorithms=["HS256"])
    assert claims["appKey"] == "ConfiguredKey123"
    assert SECRET not in all_text(at)
    assert "configured on the server" in all_text(at)
