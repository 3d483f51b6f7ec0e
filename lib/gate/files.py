"""Which files to review: the paths given, folders walked, ignored and vendored files left out, and files
that cannot hold a signer passed over before any parsing.

A folder's files are those with an extension of the Code doctor's eight languages, minus folders that hold
other people's code or build output (`VENDORED`), minified bundles, and what git ignores (`git check-ignore`,
when the folder is in a git work tree; outside one, .gitignore files mean nothing and are not read). A file
named on the command line is reviewed even if ignored, as linters do: pre-commit names the staged files.
"""

import os
import re
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
# not parsed. Case-insensitive anywhere for the unambiguous words; as a word of its own, or a camelCase part,
# for short ones that are parts of common words (exp in export, sign in assign, mn in column).
MIGHT_SIGN = re.compile(
    r"(?i:secret|hmac|sha-?256|jwt|jws|jose|signature|token|zoom|app_?key|sdk_?key|btoa|base64|crypto|expir|meeting)"
    r"|(?<![A-Za-z])(?i:sign|iat|exp|mn|role)(?![a-z])"
    r"|(?<=[a-z0-9])(?:Sign|Iat|Exp|Role)(?![a-z])"
)


def might_sign(text: str) -> bool:
    """False only for text the Code doctor has nothing to say about: no word of signing, claims or secrets."""
    return MIGHT_SIGN.search(text) is not None


@dataclass(frozen=True)
class SourceFile:
    path: Path  # as the user would write it: relative to the working directory when under it
    language: str | None  # from the extension; None: not a language the Code doctor reads


def language_of(path: Path) -> str | None:
    return LANGUAGE_OF_EXTENSION.get(path.suffix.lower())


def _walk(folder: Path):
    for directory, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if name not in VENDORED and not name.endswith(".egg-info"))
        for name in sorted(names):
            if language_of(Path(name)) and not MINIFIED.search(name):
                yield Path(directory, name)


def git_ignored(folder: Path, paths: list[Path]) -> set[Path]:
    """The paths git ignores (untracked and matching .gitignore, .git/info/exclude or the global excludes).

    Outside a git work tree, or without git, nothing is ignored: a file is rather reviewed than skipped.
    """
    if not paths:
        return set()
    try:
        answer = subprocess.run(
            ["git", "check-ignore", "-z", "--stdin"],
            input="\0".join(str(path.resolve()) for path in paths).encode("utf-8", "surrogateescape"),
            cwd=folder,
            capture_output=True,
            timeout=120,
        )
    except OSError:
        return set()
    if answer.returncode not in (0, 1):  # 128: not a work tree, or a path in a nested repository
        return set()
    ignored = {Path(name.decode("utf-8", "surrogateescape")) for name in answer.stdout.split(b"\0") if name}
    return {path for path in paths if path.resolve() in ignored}


def _shown(path: Path) -> Path:
    """The path relative to the working directory when it is under it, else as it is."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()) if path.is_absolute() else path
    except ValueError:
        return path


def source_files(paths) -> list[SourceFile]:
    """The files to review for the paths given, each once, in the order given (a folder's files sorted).

    A path that does not exist is kept: reading it reports it, as for any unreadable file.
    """
    found, seen = [], set()
    for given in map(Path, paths):
        if given.is_dir():
            walked = list(_walk(given))
            ignored = git_ignored(given, walked)
            candidates = [path for path in walked if path not in ignored]
        else:
            candidates = [given]
        for path in candidates:
            key = os.path.normcase(os.path.abspath(path))
            if key not in seen:
                seen.add(key)
                found.append(SourceFile(_shown(path), language_of(path)))
    return found


def read_source(path: Path) -> str:
    """The file's text (UTF-8, a byte-order mark dropped; a byte that is not UTF-8 becomes U+FFFD, so a file
    with one stray Latin-1 byte is still reviewed). Raises OSError for a file that cannot be read."""
    return path.read_bytes().decode("utf-8-sig", "replace")
