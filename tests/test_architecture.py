"""lib/'s shape: pure Python, packages whose imports point one way, and a command line without pandas."""

import ast
import subprocess
import sys
from pathlib import Path

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


def test_lib_never_imports_streamlit():
    for path in LIB.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        modules += [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
        assert not any(m.split(".")[0] == "streamlit" for m in modules), path


def test_the_command_line_does_not_import_pandas():
    check = (
        "import sys, runpy; sys.argv = ['lib', 'sign', '--help']\ntry:\n runpy.run_module('lib', run_name='__main__')\n"
    )
    check += "except SystemExit:\n pass\nprint('pandas' in sys.modules, 'lib.cli' in sys.modules)"
    output = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert output.stdout.split()[-2:] == ["False", "True"], output.stderr
