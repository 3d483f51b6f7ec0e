"""The command line as the tests run it: a real `python -m lib` process."""

import json
import subprocess
import sys

from support.paths import ROOT


def run_cli(command, lines, *args):
    """`python -m lib <command> --input -` fed JSON Lines (dicts are dumped, strings sent as they are)."""
    text = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    process = subprocess.run(
        [sys.executable, "-m", "lib", command, "--input", "-", *args],
        input=text,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    return process, [json.loads(line) for line in process.stdout.splitlines()]
