"""The app's pages as lib/navigation.py lists them, found by title, so a test names a page once and follows
a renamed script or address. `entry.path` is what AppTest's switch_page takes; `browser_path(entry)` is what
a browser opens (support.browser.open_page takes the entry)."""

from lib.navigation import PAGES, browser_path


def page_titled(title):
    """The PageEntry with this title; a title the app does not have fails with the titles it has."""
    found = [entry for entry in PAGES if entry.title == title]
    assert found, f"lib/navigation.py has no page titled {title!r}: {[entry.title for entry in PAGES]}"
    return found[0]


def address(base_url, entry):
    """The address a browser opens for this page on a server at base_url."""
    return f"{base_url}/{browser_path(entry)}"


BUILDER = page_titled("Signature builder")
BUGGY_VS_CORRECT = page_titled("Buggy vs correct")
TOKEN_DOCTOR = page_titled("Token doctor")
CODE_DOCTOR = page_titled("Code doctor")
COMPARE_TOKENS = page_titled("Compare tokens")
BATCH = page_titled("Batch check")
JOIN = page_titled("Join a meeting")
ENDPOINT = page_titled("Test your endpoint")
LESSONS = page_titled("Lessons")
EXERCISES = page_titled("Find the bug")
TRAINER = page_titled("Trainer")
