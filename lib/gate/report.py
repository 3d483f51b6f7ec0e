"""Review files and folders, and say what was found the three ways tools read it: a line per finding
(`path:line:column: severity code message`, as compilers and ruff print), JSON Lines, or SARIF.

The exit status a gate needs is worked out here too: `fails(severities, fail_on)`.
"""

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from lib.gate.files import LANGUAGE_OF_EXTENSION, SourceFile, might_sign, read_source, source_files
from lib.gate.sarif import Notification, ReviewedFile, sarif_log
from lib.review import MAX_CODE_CHARS, Review, ReviewInputError, review_code

MAX_FILE_BYTES = 4 * MAX_CODE_CHARS  # a UTF-8 file larger than this has too many characters: not even read
FAIL_ON = {"error": ("error",), "warning": ("error", "warning"), "never": ()}


def fails(severities, fail_on: str) -> bool:
    """True when a severity at or above the threshold was reported (`never`: never)."""
    return any(severity in FAIL_ON[fail_on] for severity in severities)


@dataclass
class TreeReview:
    reviewed: list[tuple[SourceFile, Review]] = field(default_factory=list)
    passed_over: int = 0  # files without a word of signing: not parsed
    notes: list[tuple[Path, Notification]] = field(default_factory=list)

    @property
    def unreadable(self) -> bool:
        return any(note.level == "error" for _, note in self.notes)

    @property
    def severities(self):
        return [finding.severity for _, review in self.reviewed for finding in review.findings]


def review_paths(paths) -> TreeReview:
    """Review every file the paths stand for; a file that cannot be read is a note, not an exception."""
    outcome = TreeReview()
    for source in source_files(paths):
        if source.language is None:
            known = ", ".join(sorted(LANGUAGE_OF_EXTENSION))
            message = f"{source.path}: not reviewed: the Code doctor reads files ending in {known}"
            outcome.notes.append((source.path, Notification("note", message)))
            continue
        try:
            size = source.path.stat().st_size
            text = read_source(source.path) if size <= MAX_FILE_BYTES else None
        except OSError as exc:
            message = f"cannot read {source.path}: {exc.strerror or exc}"
            outcome.notes.append((source.path, Notification("error", message)))
            continue
        if text is None:
            message = f"{source.path}: not reviewed: {size:,} bytes, more than the Code doctor reads in one file"
            outcome.notes.append((source.path, Notification("warning", message)))
            continue
        if not might_sign(text):
            outcome.passed_over += 1
            continue
        try:
            outcome.reviewed.append((source, review_code(text, source.language)))
        except ReviewInputError as exc:
            message = f"{source.path}: not reviewed: {exc}"
            outcome.notes.append((source.path, Notification("warning", message)))
    return outcome


def text_lines(outcome: TreeReview):
    """One line per finding, `path:line:column: severity code message`: what editors' problem matchers read."""
    for source, review in outcome.reviewed:
        for finding in review.findings:
            message = " ".join(finding.message.split())
            yield f"{source.path}:{finding.line}:{finding.column}: {finding.severity} {finding.code} {message}"


def jsonl_lines(outcome: TreeReview):
    """`review --input`'s object for each file reviewed, with the file's path first."""
    for source, review in outcome.reviewed:
        yield json.dumps({"path": source.path.as_posix(), **review.as_dict()})


def source_root(directory: Path) -> Path:
    """The root SARIF paths are relative to: the git work tree's top (GitHub's root), else the directory."""
    try:
        answer = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=directory, capture_output=True, text=True, timeout=60
        )
    except OSError:
        return directory.resolve()
    return Path(answer.stdout.strip()).resolve() if answer.returncode == 0 else directory.resolve()


def artifact_uri(path: Path, root: Path) -> str:
    """The file relative to the root, '/'-separated and percent-encoded; a file: URI outside the root."""
    try:
        return quote(path.resolve().relative_to(root).as_posix())
    except ValueError:
        return path.resolve().as_uri()


def sarif_text(outcome: TreeReview, root: Path, help_base_url: str | None = None) -> str:
    files = [ReviewedFile(artifact_uri(source.path, root), review.findings) for source, review in outcome.reviewed]
    notes = [
        Notification(note.level, note.message, artifact_uri(path, root) if path else None)
        for path, note in outcome.notes
    ]
    log = sarif_log(files, notes, root_uri=root.as_uri().rstrip("/") + "/", help_base_url=help_base_url)
    return json.dumps(log, indent=1, ensure_ascii=False)


def review_summary(outcome: TreeReview) -> str:
    counts = {severity: outcome.severities.count(severity) for severity in ("error", "warning", "info")}
    found = ", ".join(f"{n} {severity}{'s' * (n != 1)}" for severity, n in counts.items() if n) or "no finding"
    reviewed = len(outcome.reviewed)
    return (
        f"{reviewed} file{'s' * (reviewed != 1)} reviewed, {outcome.passed_over} without signing code passed over: "
        f"{found}."
    )
