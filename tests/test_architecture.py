"""The app's shape: lib/ is pure Python whose packages import one way, ui/ draws, pages/ are thin scripts
(read widgets, call lib, draw with ui), page names line up, and the command line loads no pandas."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lib.navigation import PAGES
from support.paths import ROOT

LIB = ROOT / "lib"
# Each package may import its own layer's modules and the layers before it, never a later one.
LAYERS = (
    {"zoom"},  # Zoom's facts and rules
    {"signing"},  # JWT encoding and the correct signer
    {"javascript"},  # JavaScript emulation (btoa, crypto-js, Node)
    {"mistakes"},  # the catalogue, forensics, the demo samples, buggy-vs-correct
    {"doctor", "builder"},  # the Token doctor; the builder's form
    {"join", "training", "review"},  # the join page's plan; lessons, exercises, trainer; the code doctor
    {"classroom"},  # class sessions kept in a database
    # presentation, the endpoint tester (it writes reports), the review gate (files, SARIF), the CLI, the app's lists
    {"present", "endpoint", "gate", "cli", "navigation", "widget_keys", "__main__", "__init__"},
)
LAYER_OF = {name: index for index, names in enumerate(LAYERS) for name in names}
SIBLINGS_APART = ({"doctor", "builder"}, {"join", "training"}, {"join", "review"}, {"training", "review"})


def package_of(path: Path) -> str:
    return path.relative_to(LIB).parts[0].removesuffix(".py")


def lib_imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "lib":
            parts = node.module.split(".")
            yield parts[1] if len(parts) > 1 else node.names[0].name
        elif isinstance(node, ast.Import):
            yield from (a.name.split(".")[1] for a in node.names if a.name.startswith("lib."))


def test_every_package_of_lib_has_a_layer():
    assert {package_of(p) for p in LIB.rglob("*.py")} <= set(LAYER_OF)


def test_imports_point_one_way():
    wrong = []
    for path in LIB.rglob("*.py"):
        mine = package_of(path)
        for imported in lib_imports(path):
            later = LAYER_OF[imported] > LAYER_OF[mine]
            sideways = imported != mine and any({mine, imported} <= pair for pair in SIBLINGS_APART)
            if later or sideways:
                wrong.append(f"{path.relative_to(ROOT)} imports lib.{imported}")
    assert wrong == []


def imported_roots(path: Path) -> set[str]:
    """The top-level names of every module the file imports (relative imports count as their own package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            roots.add("." if node.level else node.module.split(".")[0])
    return roots


STANDARD_LIBRARY = set(sys.stdlib_module_names)
PAGE_FILES = sorted((ROOT / "pages").glob("*.py"))
UI_FILES = sorted((ROOT / "ui").rglob("*.py"))
PAGE_BUDGET = 150  # lines: a page longer than this holds work that belongs in lib/ or a drawing that belongs in ui/
# Issue 26 item 1 is done for every page: a page named here would be expected to fail these checks
# (strict: once a page passes one, its entry here must go, so the list only shrinks).
NOT_YET_THIN = {}


def pages_for(check: str):
    """The page files, each expected to fail `check` while NOT_YET_THIN says it does."""
    not_yet = pytest.mark.xfail(strict=True, reason="issue 26: the classroom pages still hold their logic")
    return [
        pytest.param(path, id=path.name, marks=[not_yet] if check in NOT_YET_THIN.get(path.name, ()) else [])
        for path in PAGE_FILES
    ]


def test_lib_never_imports_streamlit_nor_ui():
    for path in LIB.rglob("*.py"):
        assert not imported_roots(path) & {"streamlit", "ui"}, path


def test_ui_imports_only_streamlit_lib_and_the_standard_library():
    assert UI_FILES
    for path in UI_FILES:
        assert imported_roots(path) <= STANDARD_LIBRARY | {"streamlit", "lib", "ui"}, path


@pytest.mark.parametrize("path", pages_for("imports"))
def test_pages_import_only_lib_ui_streamlit_and_the_standard_library(path):
    """Anything else (pandas, altair, a relative import) is work or drawing that belongs in lib/ or ui/."""
    assert imported_roots(path) <= STANDARD_LIBRARY | {"streamlit", "lib", "ui"}


@pytest.mark.parametrize("path", pages_for("budget"))
def test_each_page_fits_its_budget(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= PAGE_BUDGET, f"{path.name} has {lines} lines: move its work to lib/, its shared drawing to ui/"


CALLBACK_KEYWORD = re.compile(r"on_click|on_change|on_submit|on_\w+_change|format_func")
CALLBACK_DECORATORS = {"fragment", "dialog"}  # st.fragment, st.dialog, with or without arguments


def not_callbacks(tree: ast.Module) -> list[str]:
    """The functions a page defines (def or lambda) that are not callbacks. A callback is passed, by name or
    as a lambda written there, as a Streamlit callback keyword (on_click, on_change, on_submit, a component's
    on_<state>_change, a widget's format_func), or is decorated with st.fragment or st.dialog."""
    passed = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg and CALLBACK_KEYWORD.fullmatch(node.arg):
            passed.add(id(node.value))
            if isinstance(node.value, ast.Name):
                passed.add(node.value.id)
    wrong = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Lambda) and id(node) not in passed:
            wrong.append(f"a lambda on line {node.lineno}")
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            decorators = [d.func if isinstance(d, ast.Call) else d for d in node.decorator_list]
            decorated = any(
                isinstance(d, ast.Attribute) and d.attr in CALLBACK_DECORATORS and getattr(d.value, "id", "") == "st"
                for d in decorators
            )
            if not decorated and node.name not in passed:
                wrong.append(f"{node.name}() on line {node.lineno}")
    return wrong


@pytest.mark.parametrize("path", pages_for("callbacks"))
def test_pages_define_only_callbacks(path):
    assert not_callbacks(ast.parse(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(
    "source, wrong",
    [
        ("def go(): pass\nst.button('x', on_click=go)", []),
        ("st.button('x', on_click=lambda: None)", []),
        ("c(key='k', on_result_change=lambda: None)", []),
        ("st.selectbox('x', [1], format_func=lambda v: str(v))", []),
        ("@st.fragment\ndef part(): pass", []),
        ("@st.dialog('Sure?')\ndef ask(): pass", []),
        ("def helper(): pass\nhelper()", ["helper() on line 1"]),
        ("def go(): pass\nst.button('x', args=(go,))", ["go() on line 1"]),
        ("rows.sort(key=lambda r: r[0])", ["a lambda on line 1"]),
        ("@functools.cache\ndef slow(): pass", ["slow() on line 2"]),
        ("def outer():\n    def inner(): pass\nst.button('x', on_click=outer)", ["inner() on line 2"]),
    ],
)
def test_the_callback_rule(source, wrong):
    assert not_callbacks(ast.parse(source)) == wrong


ADDRESS = re.compile(r"[a-z]+(-[a-z]+)*")


@pytest.mark.parametrize("entry", PAGES, ids=lambda entry: entry.url_path)
def test_a_pages_file_address_and_package_line_up(entry):
    """The file is the address with _ for -, one scheme for every address, and the package exists."""
    assert ADDRESS.fullmatch(entry.url_path)
    assert entry.path == f"pages/{entry.url_path.replace('-', '_')}.py" and (ROOT / entry.path).is_file()
    assert entry.package.startswith("lib.") and (ROOT / entry.package.replace(".", "/") / "__init__.py").is_file()


def test_every_page_file_is_in_the_menu_and_addresses_are_unique():
    assert {entry.path for entry in PAGES} == {f"pages/{path.name}" for path in PAGE_FILES}
    addresses = [entry.url_path for entry in PAGES] + [old for entry in PAGES for old in entry.former_addresses]
    assert len(addresses) == len(set(addresses))
    assert len({entry.title for entry in PAGES}) == len(PAGES)


def test_the_command_line_does_not_import_pandas():
    check = (
        "import sys, runpy; sys.argv = ['lib', 'sign', '--help']\ntry:\n runpy.run_module('lib', run_name='__main__')\n"
    )
    check += "except SystemExit:\n pass\nprint('pandas' in sys.modules, 'lib.cli' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert output.stdout.split()[-2:] == ["False", "True"], output.stderr
