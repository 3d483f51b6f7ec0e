"""The suite's fixtures and its marker rules; helpers live in tests/support/.

Fixtures: a real `streamlit run` (`streamlit_url`), Debian's /usr/bin/chromium through Playwright (`browser`,
`page`; no `playwright install`), the classroom's databases on SQLite and PostgreSQL. Each fixture imports
its heavy parts itself, so a test of lib/ loads neither Playwright nor Streamlit.

Markers say what part of the machine a test needs (docs/testing.md): `browser`, `load`, `postgres`, `node`.
They are kept true here: collection fails for a test that uses the browser or PostgreSQL fixtures without
its marker, and a test without the `node` marker that runs `node` gets a stand-in that fails and says so.
"""

import contextlib
import os
import subprocess

import pytest
from hypothesis import settings

from support.credentials import SERVER_SDK_KEY, SERVER_SDK_SECRET
from support.paths import ROOT
from support.postgres import POSTGRES_URL_VARIABLE, new_postgres_database

# Property tests have no deadline: Hypothesis's default (200 ms an example) would make them timing tests,
# which fail on a busy machine. Speed is measured by bench/, never asserted in a test.
settings.register_profile("signature-lab", deadline=None)
settings.load_profile("signature-lab")

# A test that uses one of these fixtures (itself or through another fixture) must carry the marker.
MARKER_OF_FIXTURE = {"browser": "browser", "postgres_server_url": "postgres"}
NO_NODE = """#!/bin/sh
echo "this test runs node but has no node marker: add @pytest.mark.node (tests/conftest.py)" | tee /dev/stderr
exit 127
"""


def pytest_collection_modifyitems(config, items):
    """Fail collection where a test uses a fixture whose part of the machine its markers do not name."""
    unmarked = [
        f"{item.nodeid} uses the {fixture} fixture without @pytest.mark.{marker}"
        for item in items
        for fixture, marker in MARKER_OF_FIXTURE.items()
        if fixture in item.fixturenames and item.get_closest_marker(marker) is None
    ]
    if unmarked:
        raise pytest.UsageError("markers must say what a test needs:\n" + "\n".join(unmarked))


@pytest.fixture(scope="session")
def no_node_directory(tmp_path_factory):
    """A directory whose `node` only fails with a message naming the missing marker."""
    folder = tmp_path_factory.mktemp("no-node")
    (folder / "node").write_text(NO_NODE)
    (folder / "node").chmod(0o755)
    return folder


@pytest.fixture(autouse=True)
def node_only_where_marked(request, monkeypatch):
    """Tests without the `node` marker find the failing stand-in first on PATH, so `-m "not node"` truly
    needs no Node."""
    if request.node.get_closest_marker("node") is None:
        folder = request.getfixturevalue("no_node_directory")
        monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")


@pytest.fixture(scope="session")
def streamlit_url(tmp_path_factory):
    """`streamlit run app.py` on a free localhost port, with a configured secret in its environment."""
    from bench.browser import streamlit_server
    from lib.classroom.database import URL_VARIABLE

    folder = tmp_path_factory.mktemp("streamlit")
    env = {
        **os.environ,
        "ZOOM_MEETING_SDK_KEY": SERVER_SDK_KEY,
        "ZOOM_MEETING_SDK_SECRET": SERVER_SDK_SECRET,
        URL_VARIABLE: f"sqlite:///{folder / 'classroom.sqlite3'}",  # the classroom's data stays in the test's folder
    }
    log_path = folder / "server.log"
    with open(log_path, "w") as log, contextlib.ExitStack() as server:
        try:
            url = server.enter_context(streamlit_server(["run", "app.py"], env=env, output=log))
        except RuntimeError:
            pytest.fail(f"streamlit run app.py did not become healthy within 60 s:\n{log_path.read_text()[-3000:]}")
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from bench.browser import launch_chromium

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, streamlit_url):
    """A fresh browser context (its own Streamlit session) opened on the app."""
    from support.browser import open_app

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    yield open_app(context, streamlit_url)
    context.close()


@pytest.fixture(scope="session")
def postgres_server_url():
    """The URL of the tests' PostgreSQL database: from scripts/test.sh, or the installed server started here
    (installing it is the test command's job, never a fixture's)."""
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        started = subprocess.run(
            ["bash", str(ROOT / "scripts" / "start-postgres.sh"), "--no-install"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if started.returncode != 0:
            pytest.fail(f"scripts/start-postgres.sh could not start PostgreSQL:\n{started.stderr[-2000:]}")
        url = started.stdout.strip()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def classroom_url(request, tmp_path):
    """An empty classroom database, on SQLite and on PostgreSQL (the test runs once on each)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'classroom.sqlite3'}"
    else:
        with new_postgres_database(request.getfixturevalue("postgres_server_url")) as url:
            yield url


@pytest.fixture
def classroom_engine(classroom_url):
    """The classroom's engine on that database, schema upgraded, disposed of after the test."""
    from sqlalchemy import create_engine

    from lib.classroom.database import prepare_engine

    engine = prepare_engine(create_engine(classroom_url))
    yield engine
    engine.dispose()
