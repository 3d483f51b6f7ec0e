"""axe-core (tests/js, pinned) on every page in Chromium: no WCAG 2.0/2.1 A or AA violation, in both
colour schemes, on the page's first render and after its main action.

The main actions are those a learner takes: sign, diagnose, review, probe a local endpoint, the pre-join
checks, an exercise checked in a class, a class started and watched. A failure names each rule, its impact
and the selector of every element it flagged.
"""

import contextlib

import pytest
from playwright.sync_api import Error as PlaywrightError
from test_classroom_browser import SHOWN_CODE, answer
from test_sweep_browser import submit_main_form

from bench.pages import PAGE_FORMS
from lib.navigation import PAGES, browser_path
from lib.widget_keys import BUGGY, BUILDER, CODE_DOCTOR, ENDPOINT, EXERCISES, TRAINER
from support import pages
from support.browser import click_and_wait, goto_app, open_app
from support.endpoint_servers import python_endpoint
from support.paths import ROOT

pytestmark = pytest.mark.browser
AXE_SCRIPT = ROOT / "tests" / "js" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Each violation as plain data: the rule, its impact, and per element its selector and what failed.
# A frame axe cannot run in (the Code doctor's sandbox allows no script but its own) answers nothing: wait
# for it 5 s, not axe's default 60 s; its title (frame-title) is still checked from the page.
# Beyond WCAG's tags, axe's best-practice rules for the outline: headings in order, none empty, one <h1>.
OUTLINE_RULES = ["heading-order", "empty-heading", "page-has-heading-one"]
RUN_AXE = """([tags, outline]) => axe.run(document, {
    runOnly: {type: "tag", values: tags},
    rules: Object.fromEntries(outline.map(rule => [rule, {enabled: true}])),
    resultTypes: ["violations"], frameWaitTime: 5000})
  .then(results => results.violations.map(rule => ({
    id: rule.id, impact: rule.impact, help: rule.help,
    nodes: rule.nodes.map(node => ({target: node.target, summary: node.failureSummary})),
  })))"""


def axe_violations(page):
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page as drawn now, frames included."""
    for frame in page.frames:  # axe tests a frame's content only where it runs inside it too
        with contextlib.suppress(PlaywrightError):  # a sandbox whose policy refuses the script
            frame.add_script_tag(path=AXE_SCRIPT)
    return page.evaluate(RUN_AXE, [WCAG_TAGS, OUTLINE_RULES])


def describe(violations):
    """One line per flagged element: the rule, its impact and help, the element's selector, what failed."""
    return "\n".join(
        f"{rule['id']} ({rule['impact']}: {rule['help']}) at {' >> '.join(map(str, node['target']))}: "
        + " ".join(node["summary"].split())
        for rule in violations
        for node in rule["nodes"]
    )


def assert_accessible(page, moment):
    violations = axe_violations(page)
    count = sum(len(rule["nodes"]) for rule in violations)
    assert not violations, f"axe-core, {moment}: {count} violation(s)\n{describe(violations)}"


def sign(page, streamlit_url):
    submit_main_form(page, PAGE_FORMS[pages.BUILDER.url_path])


def review_and_run_code(page, streamlit_url):
    """Review the forum snippet, then run it. The sandboxed frame lives only while the code runs, too briefly
    for axe: its name (the title attribute) is read as it is attached."""
    submit_main_form(page, PAGE_FORMS[pages.CODE_DOCTOR.url_path])
    titles = []
    page.on("frameattached", lambda frame: titles.append(frame.frame_element().get_attribute("title")))
    click_and_wait(page, page.locator(f".st-key-{CODE_DOCTOR['run']} button"))
    page.locator(f".st-key-{CODE_DOCTOR['run_result']}").wait_for(timeout=30000)
    assert titles == ["Your code, running sandboxed"]


def probe_local_endpoint(page, streamlit_url):
    """The contract matrix against a correct endpoint on 127.0.0.1, then the browser's own request."""
    with python_endpoint() as server:
        page.locator(f".st-key-{ENDPOINT['url']} input").fill(server.url)
        click_and_wait(page, page.locator(f".st-key-{ENDPOINT['run']} button"))
        page.locator(f".st-key-{ENDPOINT['matrix']}").wait_for()


def check_an_exercise_in_a_class(page, streamlit_url):
    """A class started in another tab, joined here, its first exercise answered and checked."""
    trainer = start_class(page.context, streamlit_url)
    code = SHOWN_CODE.search(trainer.locator(f".st-key-{TRAINER['room']}").inner_text()).group(1)
    trainer.close()
    page.get_by_text("In a class? Join it with your trainer's code").click()
    page.locator(f".st-key-{EXERCISES['class_code']} input").fill(code)
    page.locator(f".st-key-{EXERCISES['class_name']} input").fill("Axe Learner")
    click_and_wait(page, page.locator(f".st-key-{EXERCISES['class_join']} button"))
    from lib.training.exercises import DEFAULT_SEED, exercise_set
    from lib.training.trainer import AGENDA_DIFFICULTY

    first = exercise_set(DEFAULT_SEED, AGENDA_DIFFICULTY, 2)[0]
    answer(page, first, first.bug_ids[:1], [])


def start_class(context, streamlit_url):
    trainer = open_app(context, pages.address(streamlit_url, pages.TRAINER))
    trainer.locator(f".st-key-{TRAINER['new_count']} input").fill("2")
    click_and_wait(trainer, trainer.locator(f".st-key-{TRAINER['new_submit']} button"))
    trainer.locator(f".st-key-{TRAINER['room']}").wait_for()
    return trainer


def start_and_watch_a_class(page, streamlit_url):
    page.locator(f".st-key-{TRAINER['new_count']} input").fill("2")
    click_and_wait(page, page.locator(f".st-key-{TRAINER['new_submit']} button"))
    page.locator(f".st-key-{TRAINER['room']}").wait_for()


def submit_page_form(url_path):
    def submit(page, streamlit_url):
        submit_main_form(page, PAGE_FORMS[url_path])

    return submit


MAIN_ACTIONS = {
    pages.BUILDER.url_path: sign,
    pages.CODE_DOCTOR.url_path: review_and_run_code,
    pages.ENDPOINT.url_path: probe_local_endpoint,
    pages.EXERCISES.url_path: check_an_exercise_in_a_class,
    pages.TRAINER.url_path: start_and_watch_a_class,
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("entry", PAGES, ids=lambda e: e.url_path)
def test_axe_finds_no_violation(browser, streamlit_url, entry, scheme):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, color_scheme=scheme)
    try:
        page = context.new_page()
        page.set_default_timeout(20000)
        goto_app(page, f"{streamlit_url}/{browser_path(entry)}")
        page.get_by_role("heading", name=entry.title).first.wait_for()
        first = axe_violations(page)
        MAIN_ACTIONS.get(entry.url_path, submit_page_form(entry.url_path))(page, streamlit_url)
        after = axe_violations(page)
        messages = [
            f"axe-core, {moment}: {sum(len(rule['nodes']) for rule in found)} violation(s)\n{describe(found)}"
            for moment, found in (("first render", first), ("after the main action", after))
            if found
        ]
        assert not messages, "\n".join(messages)
    finally:
        context.close()


def test_token_parts_and_marked_differences_are_named_for_a_screen_reader(page, streamlit_url):
    """Colour is not all: the accessibility tree names each part of a coloured token and each marked
    difference, while the text a reader copies (innerText) stays the token itself."""
    sign(page, streamlit_url)
    token_html = page.locator(f".st-key-{BUILDER['token']} .stHtml").first
    token = token_html.locator(".sl-part").all_inner_texts()
    assert len(token) == 3 and token[0].startswith("eyJ")
    spoken = token_html.aria_snapshot()
    assert f"header: {token[0]}. payload: {token[1]}. signature: {token[2]}" in spoken
    assert token_html.locator("div").first.inner_text() == ".".join(token)
    goto_app(page, pages.address(streamlit_url, pages.BUGGY_VS_CORRECT))
    submit_main_form(page, PAGE_FORMS[pages.BUGGY_VS_CORRECT.url_path])
    row = page.locator(f".st-key-{BUGGY['row'].format(step='payload_json')}")
    assert row.locator("mark.sl-buggy").first.inner_text() == '"meetingNumber"'
    spoken = row.aria_snapshot()
    assert 'mark: "differs: \\"meetingNumber\\""' in spoken and "mark: missing here" in spoken
