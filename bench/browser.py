"""What the benchmarks share: start a Streamlit server on a free port and drive Debian's chromium."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from google.protobuf.message import DecodeError
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
APP_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
NO_SKELETON = "!document.querySelector(\"[data-testid='stSkeleton']\")"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_streamlit(args, port, env=None, output=subprocess.DEVNULL, address="127.0.0.1"):
    """`streamlit <args>` headless on address:port (127.0.0.1 unless a test needs a server that listens
    beyond this machine); returns the process (not waited for)."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            *args,
            "--server.port",
            str(port),
            "--server.address",
            address,
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
    )


def wait_healthy(url, timeout=60, process=None):
    """Poll the server's health endpoint; give up early if its process has died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and (process is None or process.poll() is None):
        with contextlib.suppress(OSError):
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        time.sleep(0.02)
    raise RuntimeError(f"{url} did not become healthy")


@contextlib.contextmanager
def streamlit_servers(count, args, env=None, output=subprocess.DEVNULL, address="127.0.0.1"):
    """`count` healthy `streamlit <args>` on free ports, started together and stopped on leaving.

    Yields their URLs. RuntimeError if one never answers.
    """
    ports = [free_port() for _ in range(count)]
    processes = [start_streamlit(args, port, env, output, address) for port in ports]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for url, process in zip(urls, processes, strict=True):
            wait_healthy(url, process=process)
        yield urls
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


@contextlib.contextmanager
def streamlit_server(args, env=None, output=subprocess.DEVNULL, address="127.0.0.1"):
    """A healthy `streamlit <args>` on a free port, stopped on leaving (RuntimeError if it never answers).
    Its URL is on 127.0.0.1 whatever the address it listens on."""
    with streamlit_servers(1, args, env, output, address) as (url,):
        yield url


def wait_rendered(page):
    """The script run has finished and every lazily loaded widget is drawn."""
    page.wait_for_selector(APP_IDLE, state="attached")
    page.wait_for_function(NO_SKELETON)


RUN_DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


def is_run_finished(payload):
    """A websocket frame holding Streamlit's script_finished: the server has sent every delta of the run.

    Waiting for it, rather than for the page's idle state, cannot end early on a page whose result is
    already drawn from an earlier run (the idle attribute may not have flipped to running yet).
    """
    if isinstance(payload, str):
        return False
    try:
        message = ForwardMsg.FromString(payload)
    except DecodeError:
        return False
    return message.WhichOneof("type") == "script_finished" and message.script_finished in RUN_DONE


def launch_chromium(playwright):
    if not os.access(CHROMIUM, os.X_OK):
        raise RuntimeError(f"{CHROMIUM} is missing: bash scripts/test.sh installs Debian's chromium")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
