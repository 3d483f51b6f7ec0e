"""Every page, driven through everything a user can do on it with a known secret, never renders it.

The secret arrives every way it can: configured on the server, shared from the builder in session state
(with a token it signed), typed into every password field before every action, and as the key of the
tokens pasted into token fields and the batch list. Then the page is explored as a user would: every
button and form submit pressed, every choice of every select box and radio picked, every checkbox
switched, every lazily drawn expander opened, a file uploaded, each in the state the earlier actions left
(so results are drawn before their own buttons are pressed, and the lessons are walked with Next and
Previous one by one). After every run all element protos (what Streamlit sends to the browser) are
scanned for the secret and its base64 and hex forms, and the exploration must have reached every control
it saw.
"""

import base64

import pytest
from streamlit.proto.TextInput_pb2 import TextInput
from streamlit.testing.v1 import AppTest

from lib.builder.form import FormInput
from lib.classroom.database import URL_VARIABLE
from lib.mistakes.catalogue import BUGS
from lib.navigation import PAGES
from lib.signing.encoding import standard_base64_encode
from lib.training.exercises import DIFFICULTIES
from lib.training.lessons import LESSON_KEYS
from lib.widget_keys import SHARED_FORM, SHARED_TOKEN
from lib.zoom.facts import DEMO_MEETING_NUMBER, ENV_SDK_KEY, ENV_SDK_SECRET
from lib.zoom.families import SDK_FAMILIES
from support.doctor_cases import sign
from support.paths import APP_FILE

SECRET = "known-secret-for-the-scan-0123456789-XYZW"
FORBIDDEN = [SECRET, base64.b64encode(SECRET.encode()).decode(), SECRET.encode().hex()]
KEY = "ScanKey0123"
MAX_RUNS = 250  # a page whose exploration needs more has grown a control nobody thought about: look at it


CLAIMS = {"appKey": KEY, "sdkKey": KEY, "mn": int(DEMO_MEETING_NUMBER), "role": 0, "iat": 1_800_000_000}
GOOD_TOKEN = sign({**CLAIMS, "exp": 1_800_007_200, "tokenExp": 1_800_007_200}, SECRET)
# The forum's mistakes: standard base64 segments, and a bare MAC.
FORUM_TOKEN = sign(
    {**CLAIMS, "exp": 1_800_007_200}, SECRET, encode=standard_base64_encode, encode_signature=standard_base64_encode
)
TOKENS_FILE = "\n".join([GOOD_TOKEN, FORUM_TOKEN, FORUM_TOKEN.rsplit(".", 1)[1], "not a token"])


def rendered_text(at):
    return "\n".join(str(element.proto) for element in (*at.main, *at.sidebar))


def assert_secret_absent(at, where):
    assert not at.exception, f"{where}: {at.exception}"
    text = rendered_text(at)
    for form in FORBIDDEN:
        assert form not in text, f"secret rendered on {where}"


def user_key(element):
    """The key a page gave the element ("$$ID-<hash>-<key>"), or its label when it has none."""
    element_id = getattr(element.proto, "id", "")
    return element_id.split("-", 2)[2] if element_id.startswith("$$ID-") else f"label:{element.proto.label}"


PASTED = {"a good token": GOOD_TOKEN, "the forum's token": FORUM_TOKEN, "a bare MAC": FORUM_TOKEN.rsplit(".")[-1]}


def token_fields(at):
    return [field for field in (*at.text_input, *at.text_area) if "token" in user_key(field)]


def type_like_a_user(at, token=GOOD_TOKEN):
    """What a user types before acting: the secret into every password field, a token into token fields
    (the forum's into a second one), a list of tokens into the batch field."""
    for field in at.text_input:
        if field.proto.type == TextInput.PASSWORD:
            field.set_value(SECRET)
    for field in token_fields(at):
        field.set_value(FORUM_TOKEN if user_key(field).endswith("_b") else token)
    for area in at.text_area:
        if "token" not in user_key(area) and not area.value:
            area.set_value(TOKENS_FILE)


# The values the pages put behind their options: AppTest shows only the formatted texts, and picks by value.
OPTION_VALUES = (True, False, None, *range(10), *BUGS, *LESSON_KEYS, *DIFFICULTIES, "forum", "forum_call", "custom")
OPTION_VALUES += tuple(SDK_FAMILIES)  # the `sdk` hints behind "Which SDK joins with this token?" (ui.family)


def raw_option(choice, shown):
    """The value behind an option as shown: the text itself or one of OPTION_VALUES."""
    for value in (shown, *OPTION_VALUES):
        try:
            if str(choice.format_func(value)) == shown:
                return value
        except (KeyError, TypeError, ValueError):
            continue
    raise AssertionError(f"no value behind the option {shown!r} of {user_key(choice)}: teach raw_option it")


def pick(choice, shown):
    if hasattr(choice, "unselect"):  # a multiselect: that option alone
        return lambda: choice.set_value([raw_option(choice, shown)])
    return lambda: choice.set_value(raw_option(choice, shown))


def place(at):
    """Where the user is on the page: the values of its select boxes and radios."""
    return tuple((user_key(choice), repr(choice.value)) for choice in (*at.selectbox, *at.radio))


def available_actions(at):
    """(control, what is done to it, how) for everything the page as drawn offers, in a user's order:
    fill in and download before pressing, and select boxes last, since they change the page (another lesson, another
    exercise set) and what is on it now comes first."""
    actions = []
    for expander in at.expander:
        key = user_key(expander)
        if not key.startswith("label:") and not at.session_state[key]:  # drawn only when opened
            actions.append((key, "open", lambda key=key: at.session_state.__setitem__(key, True)))
    for uploader in at.get("file_uploader"):
        upload = lambda u=uploader: u.upload("tokens.txt", TOKENS_FILE.encode(), "text/plain")  # noqa: E731
        actions.append((user_key(uploader), "upload", upload))
    for checkbox in at.checkbox:
        if not checkbox.disabled:
            actions.append((user_key(checkbox), f"set {not checkbox.value}", checkbox.check))
            actions.append((user_key(checkbox), f"set {checkbox.value}", checkbox.uncheck))
    for choice in (*at.multiselect, *at.radio):
        if not choice.disabled:
            actions += [(user_key(choice), f"pick {option}", pick(choice, option)) for option in choice.options]
    # Downloads change nothing on the page: taken before the buttons, one of which may remove what they offer
    # (the trainer's "Delete the class's data" takes its results download with it).
    downloads = [download for download in at.get("download_button") if not download.disabled]
    actions += [(user_key(download), "download", download.click) for download in downloads]
    pasted = PASTED if token_fields(at) else {"a good token": GOOD_TOKEN}
    for button in at.button:
        if not button.disabled:
            for kind, token in pasted.items():  # a form with a token field: pressed with each kind of token
                what = "press" if token == GOOD_TOKEN else f"press with {kind}"
                actions.append((user_key(button), what, lambda b=button, t=token: (type_like_a_user(at, t), b.click())))
    for choice in at.selectbox:
        if not choice.disabled:
            actions += [(user_key(choice), f"pick {option}", pick(choice, option)) for option in choice.options]
    return actions


@pytest.mark.parametrize("entry", PAGES, ids=lambda e: e.url_path)
def test_no_page_renders_the_secret_whatever_the_user_does(monkeypatch, tmp_path, entry):
    monkeypatch.setenv(URL_VARIABLE, f"sqlite:///{tmp_path / 'classroom.sqlite3'}")  # classes started here stay here
    monkeypatch.setenv(ENV_SDK_KEY, KEY)
    monkeypatch.setenv(ENV_SDK_SECRET, SECRET)
    at = AppTest.from_file(APP_FILE, default_timeout=30)
    at.session_state[SHARED_FORM] = FormInput(KEY, SECRET, DEMO_MEETING_NUMBER, 1)
    at.session_state[SHARED_TOKEN] = GOOD_TOKEN
    at.run()
    at.switch_page(entry.path).run()
    assert_secret_absent(at, f"{entry.url_path} (first run)")
    done, pressed_here, seen = set(), set(), set()
    for run in range(MAX_RUNS):
        if entry.title not in [title.value for title in at.title]:  # a button led to another page: come back
            at.switch_page(entry.path).run()
            assert_secret_absent(at, f"{entry.url_path} (back from another page)")
        offered = available_actions(at)
        seen |= {(control, what) for control, what, _ in offered if what in ("press", "download", "upload")}
        seen |= {(control, "any") for control, _, _ in offered}
        # First controls never touched, then anything never done, then buttons not yet pressed where the
        # user is now (Next on each lesson, Check on each exercise set).
        untouched = [a for a in offered if (a[0], "any") not in done]
        fresh = [a for a in offered if (a[0], a[1]) not in done]
        here = [a for a in offered if a[1] == "press" and (place(at), a[0]) not in pressed_here]
        if not (untouched or fresh or here):
            break
        control, what, act = (untouched or fresh or here)[0]
        done |= {(control, what), (control, "any")}
        if what == "press":
            pressed_here.add((place(at), control))
        type_like_a_user(at)
        act()
        at.run()
        assert_secret_absent(at, f"{entry.url_path} after {what} on {control} (action {run + 1})")
    else:
        pytest.fail(f"{entry.url_path}: still new things to do after {MAX_RUNS} runs")
    assert seen <= done, f"{entry.url_path}: never reached {sorted(seen - done)}"
