"""scripts/screenshot.py makes the README's picture on a real `streamlit run app.py` and Debian's chromium."""

import pytest
from PIL import Image

from lib.zoom.facts import ENV_SDK_KEY, ENV_SDK_SECRET
from scripts.screenshot import MAX_BYTES, VIEWPORT, server_environment, take_screenshot


@pytest.mark.browser
def test_the_script_saves_the_token_doctors_result_as_a_small_png(tmp_path, browser):
    path = take_screenshot(tmp_path / "docs" / "screenshot.png", browser)
    with Image.open(path) as image:
        assert image.format == "PNG" and image.size == (VIEWPORT["width"], VIEWPORT["height"])
        assert len(image.getcolors(maxcolors=256)) > 16  # a drawn page, not a blank one
    assert path.stat().st_size < MAX_BYTES


def test_the_screenshots_server_has_no_configured_credentials(monkeypatch, tmp_path):
    monkeypatch.setenv(ENV_SDK_KEY, "configured-key")
    monkeypatch.setenv(ENV_SDK_SECRET, "configured-secret-0123456789abcdef")
    environ = server_environment(tmp_path / "none.toml")
    assert ENV_SDK_KEY not in environ and ENV_SDK_SECRET not in environ
    assert environ["STREAMLIT_SECRETS_FILES"] == str(tmp_path / "none.toml")
