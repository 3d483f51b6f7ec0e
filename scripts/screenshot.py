"""The README's screenshot: the Token doctor on the forum snippet's token, signed with the public demo credentials.

    python3 scripts/screenshot.py [--output docs/screenshot.png]

Starts `streamlit run app.py` with no configured credentials (no secrets file, no ZOOM_* variables), so
nothing but the demo secret can appear; drives Debian's chromium; saves the page as a small palette PNG.
"""

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from bench.browser import ROOT, is_run_finished, launch_chromium, streamlit_server, wait_rendered  # noqa: E402
from lib import widget_keys  # noqa: E402
from lib.mistakes.samples import MISTAKE_MAKERS  # noqa: E402
from lib.navigation import PAGES, browser_path  # noqa: E402
from lib.zoom.facts import DEMO_SDK_SECRET, ENV_SDK_KEY, ENV_SDK_SECRET  # noqa: E402

OUTPUT = ROOT / "docs" / "screenshot.png"
PAGE_TITLE = "Token doctor"
VIEWPORT = {"width": 1280, "height": 1200}
COLOURS = 128  # a palette PNG of the page: a fraction of a true-colour one's size, text still sharp
MAX_BYTES = 200 * 1024  # the repository keeps every version of it


def token_doctor_entry():
    entry = next((entry for entry in PAGES if entry.title == PAGE_TITLE), None)
    if entry is None:
        raise SystemExit(f"lib/navigation.py has no page titled {PAGE_TITLE!r}: update scripts/screenshot.py")
    return entry


def server_environment(no_secrets_file: Path) -> dict:
    """This environment without the SDK credentials a developer may have exported."""
    environ = {name: value for name, value in os.environ.items() if name not in (ENV_SDK_KEY, ENV_SDK_SECRET)}
    return environ | {"STREAMLIT_SECRETS_FILES": str(no_secrets_file)}


def palette_png(png: bytes) -> bytes:
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(COLOURS, method=Image.Quantize.MEDIANCUT)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def token_doctor_png(browser) -> bytes:
    """Fill the Token doctor with the forum snippet's token and the demo secret, submit, return the viewport."""
    token = MISTAKE_MAKERS["forum_snippet"](int(time.time()), 0)
    keys = widget_keys.INSPECTOR
    with tempfile.TemporaryDirectory() as empty:
        no_secrets_file = Path(empty) / "no-secrets.toml"  # never written: the app sees no secrets.toml
        with streamlit_server(["run", "app.py"], env=server_environment(no_secrets_file)) as url:
            context = browser.new_context(viewport=VIEWPORT)
            try:
                page = context.new_page()
                with page.expect_websocket() as socket_opened:
                    page.goto(f"{url}/{browser_path(token_doctor_entry())}")
                socket = socket_opened.value
                wait_rendered(page)
                page.locator(f".st-key-{keys['token']} textarea").fill(token)
                page.locator(f".st-key-{keys['secret']} input").fill(DEMO_SDK_SECRET)
                with socket.expect_event("framereceived", predicate=is_run_finished):
                    page.locator(f".st-key-{keys['submit']} button").click()
                wait_rendered(page)
                page.locator(f".st-key-{keys['verdict']}").first.scroll_into_view_if_needed()
                return page.screenshot()
            finally:
                context.close()


def take_screenshot(output: Path = OUTPUT, browser=None) -> Path:
    """Save the Token doctor's result as a small PNG, with the given browser or a chromium of its own."""
    if browser is None:
        with sync_playwright() as playwright:
            chromium = launch_chromium(playwright)
            try:
                png = token_doctor_png(chromium)
            finally:
                chromium.close()
    else:
        png = token_doctor_png(browser)
    small = palette_png(png)
    if len(small) >= MAX_BYTES:
        raise SystemExit(f"the screenshot is {len(small) // 1024} KiB, over {MAX_BYTES // 1024} KiB: not saved")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(small)
    return output


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    path = take_screenshot(parser.parse_args().output)
    print(f"{path}: {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
