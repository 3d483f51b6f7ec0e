"""From `streamlit run app.py` to the first page fully rendered, against `streamlit hello`, same run.

    python bench/startup.py [--runs 5]

Each run starts a fresh server process, polls it until it answers, opens it in chromium and waits
until the first page's heading is drawn with no widget still loading. Last line: ratio=<app/hello>.
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from bench.browser import launch_chromium, streamlit_server, wait_rendered  # noqa: E402
from lib.navigation import PAGES  # noqa: E402

TARGETS = {
    "app": (["run", "app.py"], PAGES[0].title),
    "hello": (["hello"], "Welcome to Streamlit!"),
}


def time_startup(browser, args, heading):
    started = time.perf_counter()
    with streamlit_server(args) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url)
        page.get_by_role("heading", name=heading).first.wait_for()
        wait_rendered(page)
        elapsed = time.perf_counter() - started
        context.close()
        return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        times = {name: [] for name in TARGETS}
        for _ in range(args.runs):
            for name, (command, heading) in TARGETS.items():  # interleaved, so drift hits both alike
                times[name].append(time_startup(browser, command, heading))
        browser.close()
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, median in medians.items():
        print(f"{name}: median {median:.3f} s over {args.runs} runs ({', '.join(f'{t:.2f}' for t in times[name])})")
    print(f"ratio={medians['app'] / medians['hello']:.3f}")


if __name__ == "__main__":
    main()
