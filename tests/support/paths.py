"""Where the repository, the app and the tests' data are."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP_FILE = str(ROOT / "app.py")  # AppTest resolves relative paths against the calling test file
DATA = ROOT / "tests" / "data"
JS_DIR = ROOT / "tests" / "js"
