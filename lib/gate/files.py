"""Which files to review: the paths given, folders walked, ignored and vendored files left out, and files
that cannot hold a signer passed over before any parsing.

A folder's files are those with an extension of the Code doctor's eight languages, minus folders that hold
other people's code or build output (`VENDORED`), minified bundles, and what git ignores (`git check-ignore`,
when the folder is in a git work tree; outside one, .gitignore files mean nothing and are not read). A file
named on the command line is reviewed even if ignored, as linters do: pre-commit names the staged files.
"""

import os
import re
import string
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lib.review.syntax import GRAMMARS

LANGUAGE_OF_EXTENSION = {extension: grammar.name for grammar in GRAMMARS.values() for extension in grammar.extensions}
VENDORED = frozenset(
    {"node_modules", "bower_components", "vendor", "third_party", "site-packages", "dist", "build", "target"}
    | {"venv", ".venv", ".tox", ".nox", "__pycache__", ".git", ".hg", ".svn", ".next", ".nuxt"}
    | {"coverage", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".gradle", "obj", "Pods"}
)
MINIFIED = re.compile(r"\.min\.[a-z]+$|\.bundle\.[a-z]+$")

# Words without which no code signs a Meeting SDK token or holds its secret: a file mentioning none of them is
# not parsed. The long words count anywhere, in any case; the short ones, parts of common words (exp in export,
# sign in assign, mn in column), only as a word of their own or a camelCase part (tokenExp, userRole).
# All found with str.find on the lowered text: a regular expression of these words, tried at each position of a
# file, took about 100 times as long (a millisecond for 2 KB), more than tree-sitter takes to parse it.
SIGNING_WORDS = ("secret", "hmac", "sha256", "sha-256", "jwt", "jws", "jose", "signature", "token", "zoom", "btoa")
SIGNING_WORDS += ("appkey", "app_key", "sdkkey", "sdk_key", "base64", "crypto", "expir", "meeting")
SIGNING_WORDS += ("timestamp", "totalseconds", "unixtime", "issued")  # a clock helper the signer calls
SHORT_WORDS = ("sign", "iat", "exp", "mn", "role")
LOWER, LETTERS = frozenset(string.ascii_lowercase), frozenset(string.ascii_letters)


def _is_word(text: str, start: int, end: int) -> bool:
    """A short word at text[start:end] standing on its own (`exp`, `EXP`, `role_id`, `sign(`) or as a camelCase
    part (`tokenExp`, `userRole`), not inside another word (`export`, `assign`, `column`, `roles`)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if after in LOWER:
        return False
    return before not in LETTERS or (text[start].isupper() and text[start + 1 : end].islower() and before in LOWER)


def _positions(lowered: str, word: str):
    start = lowered.find(word)
    while start != -1:
        yield start
        start = lowered.find(word, start + 1)


def might_sign(text: str) -> bool:
    """False only for text the Code doctor has nothing to say about: no word of signing, claims or secrets."""
    lowered = text.lower()
    if any(word in lowered for word in SIGNING_WORDS):
        return True
    if len(lowered) != len(text):  # a character whose lower case is longer ('İ'): positions would not match
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return any(_is_word(text, at, at + len(word)) for word in SHORT_WORDS for at in _positions(lowered, word))


@dataclass(frozen=True)
class SourceFile:
    path: Path  # as the user would write it: relative to the working directory when under it
    language: str | None  # from the extension; None: not a language the Code doctor reads


def language_of(path: Path) -> str | None:
    return LANGUAGE_OF_EXTENSION.get(path.suffix.lower())


def _walk(folder: Path):
    """The names, relative to the folder, of its files in the Code doctor's languages (vendored folders pruned)."""
    for directory, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if name not in VENDORED and not name.endswith(".egg-info"))
        relative = os.path.relpath(directory, folder)
        for name in sorted(names):
            if os.path.splitext(name)[1].lower() in LANGUAGE_OF_EXTENSION and not MINIFIED.search(name):
                yield name if relative == os.curdir else os.path.join(relative, name)


def git_ignored(folder: Path, names: list[str]) -> set[str]:
    """The names (relative to the folder) git ignores: untracked and matching .gitignore, .git/info/exclude or
    the global excludes. Outside a git work tree, or without git, nothing is: a file is rather reviewed than not.
    """
    if not names:
        return set()
    try:
        answer = subprocess.run(
            ["git", "check-ignore", "-z", "--stdin"],
            input="\0".join(names).encode("utf-8", "surrogateescape"),
            cwd=folder,
            capture_output=True,
            timeout=120,
        )
    except OSError:
        return set()
    if answer.returncode not in (0, 1):  # 128: not a work tree, or a path in a nested repository
        return set()
    return {name.decode("utf-8", "surrogateescape") for name in answer.stdout.split(b"\0") if name}


def _shown(path: Path, cwd: str) -> Path:
    """The path relative to the working directory when it is under it, else as it is."""
    if not path.is_absolute():
        return path
    relative = os.path.relpath(path, cwd)
    return path if relative.startswith(os.pardir) else Path(relative)


def source_files(paths) -> list[SourceFile]:
    """The files to review for the paths given, each once, in the order given (a folder's files sorted).

    A path that does not exist is kept: reading it reports it, as for any unreadable file.
    """
    found, seen, cwd = [], set(), os.getcwd()
    for given in map(Path, paths):
        where, shown = os.path.abspath(given), _shown(given, cwd)
        if given.is_dir():
            walked = list(_walk(given))
            ignored = git_ignored(given, walked)
            candidates = [(os.path.join(where, name), shown / name) for name in walked if name not in ignored]
        else:
            candidates = [(where, shown)]
        for key, path in candidates:
            if key not in seen:
                seen.add(key)
                found.append(SourceFile(path, language_of(path)))
    return found


def read_source(path: Path) -> str:
    """The file's text (UTF-8, a byte-order mark dropped; a byte that is not UTF-8 becomes U+FFFD, so a file
    with one stray Latin-1 byte is still reviewed). Raises OSError for a file that cannot be read."""
    return path.read_bytes().decode("utf-8-sig", "replace")
