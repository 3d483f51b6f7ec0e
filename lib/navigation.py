"""The app's pages in menu order: app.py builds st.navigation from this list, and the browser sweep,
the security tests and the benchmarks visit every entry, so a new page is covered by adding it here."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PageEntry:
    path: str  # the script under pages/
    title: str
    icon: str
    url_path: str


PAGES = (
    PageEntry("pages/builder.py", "Signature builder", ":material/build:", "builder"),
    PageEntry("pages/buggy_vs_correct.py", "Buggy vs correct", ":material/bug_report:", "buggy-vs-correct"),
    PageEntry("pages/token_doctor.py", "Token doctor", ":material/stethoscope:", "inspector"),
    PageEntry("pages/code_doctor.py", "Code doctor", ":material/code:", "code-doctor"),
    PageEntry("pages/compare_tokens.py", "Compare tokens", ":material/compare_arrows:", "compare_tokens"),
    PageEntry("pages/batch.py", "Batch check", ":material/checklist:", "batch"),
    PageEntry("pages/join.py", "Join a meeting", ":material/video_call:", "join"),
    PageEntry("pages/endpoint.py", "Test your endpoint", ":material/lan:", "endpoint"),
    PageEntry("pages/lessons.py", "Lessons", ":material/school:", "lessons"),
    PageEntry("pages/exercises.py", "Find the bug", ":material/quiz:", "exercises"),
    PageEntry("pages/trainer.py", "Trainer", ":material/co_present:", "trainer"),
)


def browser_path(entry: PageEntry) -> str:
    """The path a browser opens for this page: the default (first) page lives at the root, and
    Streamlit answers "page not found" for its url_path."""
    return "" if entry == PAGES[0] else entry.url_path


def page_path(url_path: str) -> str | None:
    """The script of the page served at url_path (what st.switch_page takes), or None if the app has none."""
    return next((entry.path for entry in PAGES if entry.url_path == url_path), None)
