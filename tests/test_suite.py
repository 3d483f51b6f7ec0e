"""The suite's own rules (tests/conftest.py, tests/support/): a test of lib/ loads no browser and no Streamlit,
and the markers `browser`, `postgres` and `node` stay true (docs/testing.md)."""

import os
import re
import subprocess
import sys
import textwrap

import pytest

from support.paths import ROOT

TESTS = ROOT / "tests"


def pytest_run(tmp_path, source, *args):
    """pytest on one test file outside tests/, with this suite's conftest and settings."""
    test_file = tmp_path / "test_probe.py"
    test_file.write_text(textwrap.dedent(source))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(TESTS)])}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "conftest", "-c", str(ROOT / "pyproject.toml")]
        + ["--rootdir", str(ROOT), *args, str(test_file)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )


def test_a_test_of_lib_imports_neither_playwright_nor_streamlit():
    collected = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "pytest", "-q", "-s", "--collect-only", "tests/test_rules.py"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert collected.returncode == 0, collected.stdout[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in collected.stderr.splitlines() if "|" in line}
    assert "lib.zoom.rules" in imported  # the probe sees what the test imports
    loaded = sorted(name for name in imported if name.split(".")[0] in {"playwright", "streamlit"})
    assert not loaded, loaded


def test_no_test_imports_the_conftest():
    """Fixtures come from conftest by name; what tests import lives in tests/support/."""
    importing = [
        path.name
        for path in TESTS.rglob("*.py")
        if re.search(r"^(from conftest |import conftest)", path.read_text(), re.M)
    ]
    assert not importing


def test_a_test_using_the_browser_or_postgresql_without_its_marker_fails_collection(tmp_path):
    unmarked = pytest_run(
        tmp_path,
        """
        def test_page(page):
            pass

        def test_database(postgres_server_url):
            pass
        """,
        "--collect-only",
    )
    assert unmarked.returncode != 0
    assert "test_page uses the browser fixture without @pytest.mark.browser" in unmarked.stderr
    assert "test_database uses the postgres_server_url fixture without @pytest.mark.postgres" in unmarked.stderr


def test_the_same_tests_with_their_markers_are_collected(tmp_path):
    marked = pytest_run(
        tmp_path,
        """
        import pytest

        @pytest.mark.browser
        def test_page(page):
            pass

        @pytest.mark.postgres
        def test_database(postgres_server_url):
            pass

        def test_classroom(classroom_url):
            pass
        """,
        "--collect-only",
        "-m",
        "not postgres",
    )
    assert marked.returncode == 0, marked.stdout + marked.stderr
    # The classroom fixture's PostgreSQL half carries the marker: only the SQLite half and the page remain.
    assert "2/4 tests collected (2 deselected)" in marked.stdout


def test_on_scripts_test_sh_two_workers_a_module_fixture_is_set_up_once(tmp_path):
    """The whole suite runs on two workers (scripts/test.sh): a module fixture, often servers, must start once,
    not once a worker."""
    two_workers = re.search(r"^two_workers=\((.*)\)$", (ROOT / "scripts" / "test.sh").read_text(), re.M).group(1)
    setups = tmp_path / "setups.txt"
    ran = pytest_run(
        tmp_path,
        f"""
        import pytest

        @pytest.fixture(scope="module")
        def servers():
            with open({str(setups)!r}, "a") as log:
                log.write("set up\\n")

        @pytest.mark.parametrize("number", range(16))
        def test_uses_them(servers, number):
            pass
        """,
        *two_workers.split(),
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "16 passed" in ran.stdout
    assert setups.read_text() == "set up\n"


@pytest.mark.node  # its marked probe runs node, with this test's PATH
def test_only_a_test_marked_node_runs_node(tmp_path):
    ran = pytest_run(
        tmp_path,
        """
        import subprocess

        import pytest

        def node_says_hello():
            return subprocess.run(["node", "-e", "console.log('hello')"], capture_output=True, text=True)

        def test_unmarked():
            run = node_says_hello()
            assert run.returncode == 127
            assert "has no node marker: add @pytest.mark.node" in run.stderr

        @pytest.mark.node
        def test_marked():
            assert node_says_hello().stdout == "hello\\n"
        """,
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert "2 passed" in ran.stdout
