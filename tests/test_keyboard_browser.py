"""The main flows with the keyboard alone, in Chromium: Tab to reach a control, type, Enter or Space to press,
arrows and Enter to pick from a list, Esc to close it. No mouse event and no Playwright click anywhere.

Each control is reached by pressing Tab from where the focus is (never by focusing it from the test), shows a
visible focus indicator when it gets there, and each submit must send the server its run (a websocket
frame, awaited as the run it causes) before the result is looked for.
"""

import json

import pytest
from playwright.sync_api import expect
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from conftest import STREAMLIT_SOCKETS, goto_app, open_app, run_finished
from lib.javascript.forum import FORUM_SNIPPET
from lib.mistakes.catalogue import BUGS
from lib.training.exercises import DEFAULT_SEED, exercise_set
from lib.training.trainer import AGENDA_DIFFICULTY
from lib.widget_keys import BUILDER, CODE_DOCTOR, EXERCISES, INSPECTOR, TRAINER

pytestmark = pytest.mark.browser
MAX_TABS = 80  # more than any page has controls before its form's last one
SECRET = "keyboard-only-secret-0123456789-abcdefgh"
COUNT = 2  # exercises in the class
FIRST = exercise_set(DEFAULT_SEED, AGENDA_DIFFICULTY, COUNT)[0]
# What shows where the focus is: an outline or a box shadow (Streamlit's ring around buttons, checkboxes,
# expanders), or a border in the primary colour (#c53948 in the light theme: text fields, lists) on the
# element or the box drawn around it.
FOCUS_SHOWN = """element => {
  for (let e = element, level = 0; e && level < 3; e = e.parentElement, level++) {
    const style = getComputedStyle(e);
    if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) return true;
    if (style.boxShadow !== "none") return true;
    if (parseFloat(style.borderTopWidth) > 0 && style.borderTopColor === "rgb(197, 57, 72)") return true;
  }
  return false;
}"""


def key(name):
    return f".st-key-{name}"


@pytest.fixture
def keyboard_context(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield context
    context.close()


def focused_in(page, selector):
    return page.evaluate("s => !!document.activeElement && !!document.activeElement.closest(s)", selector)


def tab_to(page, selector, backwards=False):
    """Press Tab (Shift+Tab backwards) until the focus is inside selector; fail if it never gets there. The
    element must show that it has the focus."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if focused_in(page, selector):
            shown = page.wait_for_function(f"({FOCUS_SHOWN})(document.activeElement)", timeout=2000)
            assert shown, f"the focus reached {selector} but shows no focus indicator"
            return
    pytest.fail(f"{MAX_TABS} presses of Tab never reached {selector}")


def press_and_wait(page, button_selector, key_name="Enter"):
    """With the focus on the button, press the key: the server must run the script for it."""
    assert focused_in(page, button_selector)
    with run_finished(page):
        page.keyboard.press(key_name)
    expect(page.locator("[data-testid='stApp']")).to_have_attribute("data-test-script-state", "notRunning")


def assert_announced(page, result_selector, pressed_selector):
    """Streamlit gives no way to move the focus to a result: it stays on the button pressed (not lost to the
    page), and the result's verdict is a live region (role alert or status) that a screen reader reads out."""
    assert focused_in(page, pressed_selector)
    expect(page.locator(f"{result_selector} [role='alert'], {result_selector} [role='status']").first).to_be_visible()


def choose(page, list_selector, text):
    """In the multiselect with the focus: type to filter, Enter picks the first match, Esc closes the list
    (a first Esc clears what was typed; a second one closes the list if it is still open)."""
    page.keyboard.type(text)
    page.get_by_role("option", name=text, exact=True).wait_for()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    if page.get_by_role("option").count():
        page.keyboard.press("Escape")
    page.get_by_role("option").first.wait_for(state="detached")
    expect(page.locator(f"{list_selector} [data-tag]")).to_have_text([text])


def test_sign_a_token(keyboard_context, streamlit_url):
    page = open_app(keyboard_context, streamlit_url)
    tab_to(page, key(BUILDER["use_configured"]))
    if page.locator(f"{key(BUILDER['use_configured'])} input").is_checked():
        page.keyboard.press("Space")  # type a secret rather than use the server's
        expect(page.locator(f"{key(BUILDER['sdk_secret'])} input")).to_be_editable()
    tab_to(page, key(BUILDER["sdk_secret"]))
    page.keyboard.type(SECRET)
    tab_to(page, key(BUILDER["submit"]))
    press_and_wait(page, key(BUILDER["submit"]))
    token = page.locator(key(BUILDER["token"]))
    expect(token).to_contain_text("header . payload . signature")
    assert token.inner_text().startswith("eyJ")


def test_diagnose_a_token(keyboard_context, streamlit_url):
    from bench.pages import DEMO_TOKENS
    from lib.zoom.facts import DEMO_SDK_SECRET

    page = open_app(keyboard_context, f"{streamlit_url}/token-doctor")
    tab_to(page, key(INSPECTOR["token"]))
    page.keyboard.insert_text(DEMO_TOKENS[1])  # what a paste (Ctrl+V) puts in the field
    tab_to(page, key(INSPECTOR["secret"]))
    page.keyboard.type(DEMO_SDK_SECRET)
    tab_to(page, key(INSPECTOR["submit"]))
    press_and_wait(page, key(INSPECTOR["submit"]), "Space")
    expect(page.locator(key(INSPECTOR["findings"]))).to_be_visible()
    assert_announced(page, key(INSPECTOR["verdict"]), key(INSPECTOR["submit"]))
    expect(page.locator(key(INSPECTOR["segments"]))).to_contain_text("header . payload . signature")


def test_review_code(keyboard_context, streamlit_url):
    page = open_app(keyboard_context, f"{streamlit_url}/code-doctor")
    tab_to(page, key(CODE_DOCTOR["code"]))
    page.keyboard.insert_text("\n".join(line.js for line in FORUM_SNIPPET))
    tab_to(page, key(CODE_DOCTOR["submit"]))
    press_and_wait(page, key(CODE_DOCTOR["submit"]))
    expect(page.locator(key(CODE_DOCTOR["findings"]))).to_be_visible()
    assert_announced(page, key(CODE_DOCTOR["verdict"]), key(CODE_DOCTOR["submit"]))
    expect(page.locator(f"{key(CODE_DOCTOR['marked'])} tr.sl-marked").first).to_be_visible()


def start_class_by_keyboard(context, streamlit_url):
    """The trainer page: Tab to the class's form, set its size, Enter on Start. The shown join code."""
    trainer = open_app(context, f"{streamlit_url}/trainer")
    tab_to(trainer, key(TRAINER["new_count"]))
    trainer.keyboard.press("ControlOrMeta+a")
    trainer.keyboard.type(str(COUNT))
    tab_to(trainer, key(TRAINER["new_submit"]))
    press_and_wait(trainer, key(TRAINER["new_submit"]))
    room = trainer.locator(key(TRAINER["room"]))
    expect(room).to_contain_text("Join code:")
    return trainer, room.inner_text().split("Join code:")[1].split()[0]


def test_start_and_watch_a_class(keyboard_context, streamlit_url):
    trainer, code = start_class_by_keyboard(keyboard_context, streamlit_url)
    room = trainer.locator(key(TRAINER["room"]))
    expect(room.locator("[data-testid='stMetric']", has_text="Learners")).to_contain_text("0")
    # Watching: a learner who joins appears on the trainer's view with no key pressed there.
    learner = join_by_keyboard(keyboard_context, streamlit_url, code, "Kim")
    expect(room.locator("[data-testid='stMetric']", has_text="Learners")).to_contain_text("1", timeout=30000)
    learner.close()
    # The view's buttons are reachable too: Tab to "Stop watching" and press it.
    trainer.bring_to_front()
    tab_to(trainer, key(TRAINER["room_leave"]))
    press_and_wait(trainer, key(TRAINER["room_leave"]))
    expect(trainer.locator(key(TRAINER["new_submit"]))).to_be_visible()


def join_by_keyboard(context, streamlit_url, code, name):
    learner = open_app(context, f"{streamlit_url}/exercises")
    tab_to(learner, "[data-testid='stExpander'] summary")
    learner.keyboard.press("Enter")  # open "In a class? Join it with your trainer's code"
    tab_to(learner, key(EXERCISES["class_code"]))
    learner.keyboard.type(code)
    tab_to(learner, key(EXERCISES["class_name"]))
    learner.keyboard.type(name)
    tab_to(learner, key(EXERCISES["class_join"]))
    press_and_wait(learner, key(EXERCISES["class_join"]))
    expect(learner.locator(key(EXERCISES["class_banner"]))).to_contain_text(f"you are {name}")
    return learner


def test_answer_an_exercise_in_a_class_with_the_lists_closed_by_escape(keyboard_context, streamlit_url):
    """Issue 23's lost answer: in a class, after a page load, both lists closed with Esc, then Check. The press
    must reach the server (run_finished waits for the run it causes) and the answer be stored."""
    trainer, code = start_class_by_keyboard(keyboard_context, streamlit_url)
    learner = join_by_keyboard(keyboard_context, streamlit_url, code, "Lee")
    goto_app(learner, learner.url)  # a page load: the class place from the address
    sent = []
    STREAMLIT_SOCKETS[learner].socket.on("framesent", lambda payload: sent.append(payload))
    (bug,) = FIRST.bug_ids
    causes, fixes = (key(EXERCISES[name].format(exercise_id=FIRST.id)) for name in ("causes", "fixes"))
    tab_to(learner, causes)
    choose(learner, causes, BUGS[bug].title)
    tab_to(learner, fixes)
    choose(learner, fixes, BUGS[bug].fix)
    assert sent == []  # a form's lists send nothing before the submit
    tab_to(learner, key(EXERCISES["check"]))
    press_and_wait(learner, key(EXERCISES["check"]))
    assert len(sent) == 1
    expect(learner.locator(key(EXERCISES["saved"]))).to_contain_text("Saved for your trainer")
    expect(learner.locator(key(EXERCISES["feedback"]))).to_contain_text("Cause: right")
    expect(learner.locator(key(EXERCISES["feedback"]))).to_contain_text("Fix: right")
    expect(learner.locator(f"{key(EXERCISES['feedback'])} [role='status']").first).to_be_visible()
    # The trainer's chart says it in numbers, not colour alone: a number on each bar, every figure in words.
    described = f"{BUGS[bug].title}: 1 right, 0 missed"
    payload = STREAMLIT_SOCKETS[trainer].socket.wait_for_event(
        "framereceived",
        predicate=lambda payload: described in (chart_spec(payload) or {}).get("description", ""),
        timeout=30000,
    )
    layers = chart_spec(payload)["layer"]
    assert [layer["mark"]["type"] for layer in layers] == ["bar", "text"]
    assert layers[1]["encoding"]["text"]["field"] == "count"


def chart_spec(payload):
    """The Vega-Lite spec (a dict) of a chart this websocket frame draws, else None."""
    if isinstance(payload, str):
        return None
    message = ForwardMsg.FromString(payload)
    if message.WhichOneof("type") != "delta" or message.delta.WhichOneof("type") != "new_element":
        return None
    element = message.delta.new_element
    return json.loads(element.vega_lite_chart.spec) if element.WhichOneof("type") == "vega_lite_chart" else None
