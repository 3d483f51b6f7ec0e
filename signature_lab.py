"""The `signature-lab` console script (pre-commit's hook and the GitHub Action run it).

It runs this distribution's `lib` even where the working directory has a `lib/` package of its own, which many
projects do: with the current directory on sys.path (PYTHONPATH=.), theirs would be found first. The folder this
file is installed in, where our `lib` is installed beside it, goes first.
"""

import sys
from pathlib import Path


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from lib.cli import main as run

    return run(prog="signature-lab")


if __name__ == "__main__":
    sys.exit(main())
