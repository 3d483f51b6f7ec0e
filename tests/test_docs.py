"""The README is a front door and the docs/ files hold the rest: a short README whose every link, and every
link of docs/, leads somewhere; a table of pages that is lib/navigation.py's; the test command CI runs."""

import re
from pathlib import Path

import pytest

from lib.navigation import PAGES, browser_path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCUMENTS = sorted((ROOT / "docs").glob("*.md"))
README_LINE_LIMIT = 150  # read in two minutes
IMAGE_BYTE_LIMIT = 200 * 1024  # git keeps every version of a picture
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")

FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"(`+).+?\1", re.DOTALL)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def prose(markdown: str) -> str:
    """The text outside code blocks and code spans, where links are links."""
    return CODE_SPAN.sub("", FENCE.sub("", markdown))


def anchors(markdown: str) -> set[str]:
    """The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as dashes, a repeated
    heading numbered -1, -2, …"""
    seen: dict[str, int] = {}
    found = set()
    for heading in HEADING.findall(FENCE.sub("", markdown)):
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).lower()
        slug = "".join(c for c in text if c.isalnum() or c in " -_").replace(" ", "-")
        found.add(slug if slug not in seen else f"{slug}-{seen[slug]}")
        seen[slug] = seen.get(slug, 0) + 1
    return found


def broken_links(path: Path) -> list[str]:
    """Each relative link of a Markdown file whose file or heading does not exist."""
    markdown = path.read_text(encoding="utf-8")
    broken = []
    for target in LINK.findall(prose(markdown)):
        if EXTERNAL.match(target):
            continue
        file_part, _, anchor = target.partition("#")
        linked = (path.parent / file_part).resolve() if file_part else path
        if not linked.exists():
            broken.append(f"{target}: no such file")
        elif anchor and (linked.suffix != ".md" or anchor not in anchors(linked.read_text(encoding="utf-8"))):
            broken.append(f"{target}: no such heading")
    return broken


def linked_files(path: Path) -> set[Path]:
    targets = LINK.findall(prose(path.read_text(encoding="utf-8")))
    return {(path.parent / t.partition("#")[0]).resolve() for t in targets if not EXTERNAL.match(t)}


def test_the_readme_is_read_in_two_minutes():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) < README_LINE_LIMIT, f"README.md has {len(lines)} lines: move detail to docs/"


@pytest.mark.parametrize("path", [README, *DOCUMENTS], ids=lambda path: path.name)
def test_every_relative_link_leads_to_a_file_and_heading(path):
    assert broken_links(path) == []


def test_the_readme_links_every_document():
    expected = set(DOCUMENTS)
    assert expected - linked_files(README) == set()


def test_the_readme_shows_a_screenshot():
    assert IMAGE.findall(prose(README.read_text(encoding="utf-8"))) == ["docs/screenshot.png"]


@pytest.mark.parametrize("path", [README, *DOCUMENTS], ids=lambda path: path.name)
def test_pictures_are_small_pngs(path):
    for target in IMAGE.findall(prose(path.read_text(encoding="utf-8"))):
        picture = (path.parent / target).read_bytes()
        assert picture[:8] == b"\x89PNG\r\n\x1a\n" and len(picture) < IMAGE_BYTE_LIMIT, target


def readme_pages_table() -> list[tuple[str, str]]:
    """(title, address) of each row of the README's table of pages."""
    section = README.read_text(encoding="utf-8").split("\n## Pages\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| [")]
    return [re.match(r"\| \[([^\]]+)\]\([^)]*\) \| `([^`]*)` \|", row).groups() for row in rows]


def test_the_readme_lists_the_pages_of_lib_navigation_in_menu_order():
    assert readme_pages_table() == [(entry.title, f"/{browser_path(entry)}") for entry in PAGES]


def test_the_readme_test_command_is_the_one_ci_runs():
    assert "```bash\nbash scripts/test.sh\n```" in README.read_text(encoding="utf-8")
    commands = [line for line in (ROOT / ".ci" / "run").read_text().splitlines() if line and line[0] != "#"]
    assert commands[-1] == "bash scripts/test.sh"


# The checker itself, on Markdown made to break it.


def test_a_missing_file_or_heading_is_broken_and_code_is_not_a_link(tmp_path):
    (tmp_path / "other.md").write_text("# Other\n\n## Map of `lib/`\n\n## Step\n\n## Step\n")
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n\n[ok](other.md#map-of-lib) [ok](other.md#step-1) [ok](#page) [ok](https://example.com/x.md)\n"
        "[gone](missing.md) [no heading](other.md#step-2) [not here](#other)\n"
        "`[in code](missing.md)`\n```\n[in a block](missing.md)\n```\n"
    )
    assert broken_links(page) == [
        "missing.md: no such file",
        "other.md#step-2: no such heading",
        "#other: no such heading",
    ]
