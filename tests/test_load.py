"""A bounded load test: 20 concurrent Streamlit sessions submit the main forms for 60 s, with no error.

Sessions speak Streamlit's websocket protocol (tests/support/streamlit_session.py), so the figure is the
server's: one 2-core machine cannot also draw 20 browser pages without measuring its own drawing.
The p95 latency (submit → script run finished) is printed and written to test-artifacts/load.json.
LOAD_SECONDS shortens the run (60 s by default; CI runs 30 s, .ci/run).
"""

import asyncio
import concurrent.futures
import json
import os
import statistics
import time

import pytest

from bench.pages import PAGE_FORMS
from lib.navigation import PAGES
from support import pages
from support.paths import ROOT
from support.streamlit_session import StreamlitSession

pytestmark = pytest.mark.load
SESSIONS = 20
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
LOAD_PAGES = [entry.url_path for entry in (pages.BUILDER, pages.TOKEN_DOCTOR) if entry.url_path in PAGE_FORMS]


async def one_session(url, deadline, number, latencies, errors):
    turn = number
    try:
        async with StreamlitSession(url) as session:
            # Open the app's address first, as a browser does, and check that app.py's router ran.
            opened = await session.run("")
            if opened.page_titles != [entry.title for entry in PAGES]:
                errors.append(f"session {number}: the app's router did not run (menu {opened.page_titles})")
            while time.monotonic() < deadline:
                name = LOAD_PAGES[turn % len(LOAD_PAGES)]
                turn += 1
                started = time.monotonic()
                result = await session.submit(name, PAGE_FORMS[name])
                latencies.append(time.monotonic() - started)
                if result.exceptions or not result.has_block(PAGE_FORMS[name].result):
                    errors.append(f"session {number} on {name}: {result.exceptions or 'no result shown'}")
    except Exception as exc:  # a dropped connection or a protocol failure is an error of the load test
        errors.append(f"session {number}: {type(exc).__name__}: {exc}")


async def run_load(url):
    latencies, errors = [], []
    deadline = time.monotonic() + SECONDS
    await asyncio.gather(*(one_session(url, deadline, n, latencies, errors) for n in range(SESSIONS)))
    return latencies, errors


def test_twenty_sessions_for_a_minute_without_error(streamlit_url, capsys):
    # A thread of its own: Playwright's sync API (session-scoped browser fixture) keeps an event loop
    # running in the main thread once a browser test has run, and asyncio.run refuses to nest.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        latencies, errors = pool.submit(asyncio.run, run_load(streamlit_url)).result()
    assert errors == []
    assert len(latencies) >= SESSIONS
    report = {
        "sessions": SESSIONS,
        "seconds": SECONDS,
        "pages": LOAD_PAGES,
        "submits": len(latencies),
        "median_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(statistics.quantiles(latencies, n=20)[-1] * 1000, 1),
    }
    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    (ROOT / "test-artifacts" / "load.json").write_text(json.dumps(report, indent=2))
    with capsys.disabled():  # in CI's log too, not only in the artifact
        print(f"\nload test: {json.dumps(report)}")
