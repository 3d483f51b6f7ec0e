"""Time from submitting each page's main form to its result being drawn, against a minimal page.

    python bench/pages.py [--runs 20] [--pages builder token-doctor]

For every page in lib/navigation.PAGES, PAGE_FORMS says how to fill its main form, which button
submits it and which element shows the result. Each run reloads the page (a fresh session, warm
browser cache), fills the form, then times click → result drawn with the script idle. The baseline
is bench/baseline_form.py, served by another server in the same run. Last line: the worst page's ratio=<page/baseline>.
"""

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.browser import is_run_finished, launch_chromium, streamlit_server, wait_rendered  # noqa: E402
from lib import widget_keys  # noqa: E402
from lib.javascript.forum import FORUM_SNIPPET  # noqa: E402
from lib.mistakes.samples import demo_records  # noqa: E402
from lib.navigation import PAGES, browser_path  # noqa: E402
from lib.zoom.facts import DEMO_SDK_SECRET  # noqa: E402

BENCH_SECRET = "bench-secret-0123456789-abcdefghijklmnop"
BENCH_MAC_ONLY = "JLYSXH_XIou9G1wvnrX-JETQ1RLr4PapY7p1pQsuXHg"


@dataclass(frozen=True)
class PageForm:
    fields: dict  # widget key -> text to type
    submit: str  # widget key of the submit button
    result: str  # widget key of the container that shows the result


DEMO_TOKENS = [record["token"] for record in demo_records(40, int(time.time()))]
PAGE_FORMS = {
    "builder": PageForm(
        {widget_keys.BUILDER["sdk_secret"]: BENCH_SECRET}, widget_keys.BUILDER["submit"], widget_keys.BUILDER["token"]
    ),
    "token-doctor": PageForm(
        {widget_keys.INSPECTOR["token"]: DEMO_TOKENS[1], widget_keys.INSPECTOR["secret"]: DEMO_SDK_SECRET},
        widget_keys.INSPECTOR["submit"],
        widget_keys.INSPECTOR["findings"],
    ),
    "code-doctor": PageForm(
        {widget_keys.CODE_DOCTOR["code"]: "\n".join(line.js for line in FORUM_SNIPPET)},
        widget_keys.CODE_DOCTOR["submit"],
        widget_keys.CODE_DOCTOR["findings"],
    ),
    "compare-tokens": PageForm(
        {widget_keys.COMPARE["token_a"]: DEMO_TOKENS[0], widget_keys.COMPARE["token_b"]: DEMO_TOKENS[1]},
        widget_keys.COMPARE["submit"],
        widget_keys.COMPARE["claims"],
    ),
    "batch": PageForm(
        {widget_keys.BATCH["paste"]: "\n".join(DEMO_TOKENS)}, widget_keys.BATCH["run"], widget_keys.BATCH["summary"]
    ),
    "buggy-vs-correct": PageForm(
        {widget_keys.BUGGY["sdk_key"]: "bench-key-~?~?"}, widget_keys.BUGGY["compare"], widget_keys.BUGGY["outcome"]
    ),
    # The pre-join checks stop a bare HMAC (the forum snippet's output) without loading the Web SDK.
    "join": PageForm(
        {widget_keys.JOIN["token"]: BENCH_MAC_ONLY, widget_keys.JOIN["meeting_number"]: "85746065432"},
        widget_keys.JOIN["submit"],
        widget_keys.JOIN["checks"],
    ),
    # Next lesson: the lesson container is redrawn with the following lesson.
    "lessons": PageForm({}, widget_keys.LESSONS["next"], widget_keys.LESSONS["lesson"]),
    # An empty answer is graded too ("I don't know"), so pressing Check alone shows the feedback.
    "find-the-bug": PageForm({}, widget_keys.EXERCISES["check"], widget_keys.EXERCISES["feedback"]),
    "trainer": PageForm({}, widget_keys.TRAINER["next"], widget_keys.TRAINER["slide"]),
    # A closed port: the page's own work (one refused request, the matrix drawn), not an endpoint's speed.
    "endpoint": PageForm(
        {widget_keys.ENDPOINT["url"]: "http://127.0.0.1:1/"},
        widget_keys.ENDPOINT["run"],
        widget_keys.ENDPOINT["matrix"],
    ),
}
BASELINE = PageForm({"baseline_text": "hello"}, "baseline_submit", "baseline_result")


def time_submit(page, url, form):
    with page.expect_websocket() as socket_opened:
        page.goto(url)  # a new session each run; the browser cache stays warm, as for a returning user
    socket = socket_opened.value
    wait_rendered(page)
    for key, text in form.fields.items():
        page.locator(f".st-key-{key} input, .st-key-{key} textarea").first.fill(text)
    button = page.locator(f".st-key-{form.submit} button")
    button.scroll_into_view_if_needed()  # time the submit, not Playwright scrolling to a button below the fold
    started = time.perf_counter()
    with socket.expect_event("framereceived", predicate=is_run_finished):
        button.click()
    page.locator(f".st-key-{form.result}").first.wait_for()
    wait_rendered(page)
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--pages", nargs="+", metavar="URL_PATH", help="only these pages (default: all)")
    args = parser.parse_args()
    missing = [entry.url_path for entry in PAGES if entry.url_path not in PAGE_FORMS]
    if missing:
        sys.exit(f"no PAGE_FORMS entry for: {', '.join(missing)}")
    unknown = set(args.pages or []) - {entry.url_path for entry in PAGES}
    if unknown:
        sys.exit(f"unknown page(s): {', '.join(sorted(unknown))}; pages are {', '.join(PAGE_FORMS)}")
    pages = [entry for entry in PAGES if not args.pages or entry.url_path in args.pages]
    with (
        sync_playwright() as playwright,
        streamlit_server(["run", "app.py"]) as app_url,
        streamlit_server(["run", "bench/baseline_form.py"]) as baseline_url,
    ):
        browser = launch_chromium(playwright)
        tabs = {
            name: browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            for name in ["baseline", *(entry.url_path for entry in pages)]
        }
        times = {name: [] for name in tabs}
        for _ in range(args.runs):  # interleaved, so drift hits every page alike
            times["baseline"].append(time_submit(tabs["baseline"], baseline_url, BASELINE))
            for entry in pages:
                url = f"{app_url}/{browser_path(entry)}"
                times[entry.url_path].append(time_submit(tabs[entry.url_path], url, PAGE_FORMS[entry.url_path]))
        browser.close()
    baseline = statistics.median(times["baseline"])
    print(f"baseline: median {baseline * 1000:.0f} ms over {args.runs} runs")
    ratios = {}
    for entry in pages:
        median = statistics.median(times[entry.url_path])
        ratios[entry.url_path] = median / baseline
        print(f"{entry.url_path}: median {median * 1000:.0f} ms, ratio {ratios[entry.url_path]:.3f}")
    worst = max(ratios, key=ratios.get)
    print(f"worst page: {worst}")
    print(f"ratio={ratios[worst]:.3f}")


if __name__ == "__main__":
    main()
