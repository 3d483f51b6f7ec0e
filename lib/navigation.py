"""The app's pages in menu order: app.py builds st.navigation from this list, and the browser sweep,
the security tests and the benchmarks visit every entry, so a new page is covered by adding it here.

A page's file, title and address name the same thing: the file is the address with `_` for `-`
(tests/test_architecture.py checks it), and `package` is the lib package it draws on. An address a page
had before keeps working: app.py sends `former_addresses` on to the page (an old bookmark still lands).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageEntry:
    path: str  # the script under pages/
    title: str
    icon: str
    url_path: str  # its address: lower case, words joined by "-"
    package: str  # the lib package whose work the page shows
    former_addresses: tuple[str, ...] = ()  # addresses it had before, still answered


PAGES = (
    PageEntry("pages/builder.py", "Signature builder", ":material/build:", "builder", "lib.builder"),
    PageEntry(
        "pages/buggy_vs_correct.py", "Buggy vs correct", ":material/bug_report:", "buggy-vs-correct", "lib.mistakes"
    ),
    PageEntry(
        "pages/token_doctor.py", "Token doctor", ":material/stethoscope:", "token-doctor", "lib.doctor", ("inspector",)
    ),
    PageEntry("pages/code_doctor.py", "Code doctor", ":material/code:", "code-doctor", "lib.review"),
    PageEntry(
        "pages/compare_tokens.py",
        "Compare tokens",
        ":material/compare_arrows:",
        "compare-tokens",
        "lib.doctor",
        ("compare_tokens",),
    ),
    PageEntry("pages/batch.py", "Batch check", ":material/checklist:", "batch", "lib.doctor"),
    PageEntry("pages/join.py", "Join a meeting", ":material/video_call:", "join", "lib.join"),
    PageEntry("pages/endpoint.py", "Test your endpoint", ":material/lan:", "endpoint", "lib.endpoint"),
    PageEntry("pages/lessons.py", "Lessons", ":material/school:", "lessons", "lib.training"),
    PageEntry(
        "pages/find_the_bug.py", "Find the bug", ":material/quiz:", "find-the-bug", "lib.training", ("exercises",)
    ),
    PageEntry("pages/trainer.py", "Trainer", ":material/co_present:", "trainer", "lib.training"),
)


def browser_path(entry: PageEntry) -> str:
    """The path a browser opens for this page: the default (first) page lives at the root, and
    Streamlit answers "page not found" for its url_path."""
    return "" if entry == PAGES[0] else entry.url_path


def entry_at(address: str) -> PageEntry:
    """The page served at `address`, current or former. Raises KeyError naming the address if none is."""
    for entry in PAGES:
        if address == entry.url_path or address in entry.former_addresses:
            return entry
    raise KeyError(f"no page is served at /{address} (lib.navigation.PAGES)")


def page_path(url_path: str) -> str | None:
    """The script of the page served at url_path (what st.switch_page takes), or None if the app has none."""
    return next((entry.path for entry in PAGES if entry.url_path == url_path), None)
