"""Many tokens at once (server logs, a class's submissions): read a text, CSV or JSON Lines file,
diagnose every token, count the findings, write the results as CSV.

The results never hold a secret nor a token: each token is named by its line and a short SHA-256.
100 000 tokens take a few seconds: results are kept as columns, not as 100 000 Diagnosis objects.
"""

import csv
import hashlib
import html
import io
import json
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from lib.doctor.diagnosis import diagnose
from lib.doctor.findings import FINDING_CODES, Diagnosis

# Column / field names accepted for each diagnose argument (CSV headers are matched case-insensitively).
FIELD_NAMES = {
    "token": ("token", "signature", "jwt"),
    "secret": ("sdkSecret", "secret", "sdk_secret", "clientSecret"),
    "sdk_key": ("sdkKey", "key", "sdk_key", "appKey", "clientId"),
    "meeting_number": ("meetingNumber", "mn", "meeting_number"),
    "now": ("now",),
}
RESULT_COLUMNS = ("line", "token_sha256", "verdict", "zoom_error", "errors", "warnings", "codes", "bug_ids")
FORMATS = ("text", "csv", "jsonl")
CHART_COLOURS = {"error": "#d62728", "warning": "#f2a900"}


class BadRecord(ValueError):
    """An input record that cannot be diagnosed; the message says which field is wrong."""


@dataclass(frozen=True)
class BatchItem:
    line: int
    token: str
    secret: str | None = field(default=None, repr=False)
    sdk_key: str | None = None
    meeting_number: str | int | None = None
    now: int | None = None

    def diagnose(self, now: int) -> Diagnosis:
        return diagnose(
            self.token,
            secret=self.secret,
            sdk_key=self.sdk_key,
            meeting_number=self.meeting_number,
            now=now if self.now is None else self.now,
        )


def _first_given(record, aliases):
    for alias in aliases:
        value = record.get(alias)
        if value is not None:
            return value
    return None


def item_from_record(record, line: int) -> BatchItem:
    """A JSON object {"token", "sdkSecret"?, "sdkKey"?, "meetingNumber"?, "now"?} as a BatchItem."""
    if not isinstance(record, dict):
        raise BadRecord('each line must be a JSON object such as {"token": "eyJ…"}.')
    values = {name: _first_given(record, aliases) for name, aliases in FIELD_NAMES.items()}
    if not isinstance(values["token"], str):
        raise BadRecord('"token" is missing or not a string: give the signature as {"token": "eyJ…"}.')
    for name in ("secret", "sdk_key"):
        if values[name] is not None and not isinstance(values[name], str):
            raise BadRecord(f"{FIELD_NAMES[name][0]} must be a JSON string.")
    if values["meeting_number"] is not None and not isinstance(values["meeting_number"], str | int):
        raise BadRecord("meetingNumber must be digits, as a string or a number.")
    if values["now"] is not None and (not isinstance(values["now"], int) or isinstance(values["now"], bool)):
        raise BadRecord("now must be an integer: epoch seconds.")
    return BatchItem(line, **values)


def detect_format(text: str, filename: str = "") -> str:
    name = filename.lower()
    if name.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if name.endswith(".csv"):
        return "csv"
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first.startswith("{"):
        return "jsonl"
    if "," in first and any(alias.lower() in first.lower() for alias in FIELD_NAMES["token"]):
        return "csv"
    return "text"


@dataclass
class ReadResult:
    items: list
    problems: list  # (line, message) of lines that could not be read
    format: str


def read_batch(data: bytes | str, filename: str = "") -> ReadResult:
    """Tokens from a file: plain text (one token per line, log lines are fine), CSV with a token column,
    or JSON Lines with the command line's fields."""
    text = data.decode("utf-8-sig", "replace") if isinstance(data, bytes) else data
    kind = detect_format(text, filename)
    items, problems = [], []
    if kind == "jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                items.append(item_from_record(json.loads(line), number))
            except json.JSONDecodeError as exc:
                problems.append((number, f"not valid JSON: {exc.msg} at column {exc.colno}"))
            except BadRecord as exc:
                problems.append((number, str(exc)))
    elif kind == "csv":
        reader = csv.reader(io.StringIO(text, newline=""))  # the csv module reads \r, \n and \r\n endings itself
        try:
            header = [h.strip().lower() for h in next(reader, [])]
        except csv.Error as exc:
            return ReadResult([], [(1, f"the CSV header cannot be read: {exc}")], kind)
        columns = {
            name: next((header.index(a.lower()) for a in aliases if a.lower() in header), None)
            for name, aliases in FIELD_NAMES.items()
        }
        if columns["token"] is None:
            return ReadResult([], [(1, f"no token column: name one of {', '.join(FIELD_NAMES['token'])}")], kind)
        try:
            for row in reader:
                record = {
                    FIELD_NAMES[name][0]: row[index]
                    for name, index in columns.items()
                    if index is not None and index < len(row) and row[index].strip()
                }
                if not record:
                    continue
                if record.get("now", "").strip().isdigit():
                    record["now"] = int(record["now"])
                try:
                    items.append(item_from_record(record, reader.line_num))
                except BadRecord as exc:
                    problems.append((reader.line_num, str(exc)))
        except csv.Error as exc:
            problems.append((reader.line_num, f"CSV cannot be read from here on: {exc}"))
    else:
        items = [BatchItem(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    return ReadResult(items, problems, kind)


def diagnose_all(items, now: int, on_progress=None, every: int = 2000) -> pd.DataFrame:
    """Diagnose every item; `on_progress(done, total)` is called every `every` items and at the end."""
    columns = {name: [] for name in RESULT_COLUMNS}
    total = len(items)
    for done, item in enumerate(items, start=1):
        checked = item.diagnose(now)
        columns["line"].append(item.line)
        columns["token_sha256"].append(hashlib.sha256(item.token.strip().encode("utf-8", "replace")).hexdigest()[:12])
        columns["verdict"].append(checked.verdict)
        columns["zoom_error"].append(checked.zoom_error)
        columns["errors"].append(checked.severity_count("error"))
        columns["warnings"].append(checked.severity_count("warning"))
        columns["codes"].append(" ".join(checked.codes))
        columns["bug_ids"].append(" ".join(dict.fromkeys(f.bug_id for f in checked.findings if f.bug_id)))
        if on_progress and (done % every == 0 or done == total):
            on_progress(done, total)
    frame = pd.DataFrame(columns)
    frame["zoom_error"] = frame["zoom_error"].astype("Int64")
    return frame


def finding_counts(results: pd.DataFrame) -> pd.DataFrame:
    """How many tokens have each finding code, with its title and severity, most frequent first."""
    counts = Counter(code for codes in results["codes"] for code in dict.fromkeys(codes.split()))
    rows = [
        {"code": code, "title": FINDING_CODES[code].title, "severity": FINDING_CODES[code].severity, "tokens": n}
        for code, n in counts.most_common()
    ]
    return pd.DataFrame(rows, columns=["code", "title", "severity", "tokens"])


def problem_bars_html(counts: pd.DataFrame, tokens: int) -> str:
    """A bar per error/warning code, scaled to the most frequent one and coloured by severity (CHART_COLOURS).

    Plain HTML: drawn at once, where a Vega chart loads its library on every new session's first batch.
    """
    problems = counts[counts["severity"].isin(list(CHART_COLOURS))]
    longest = problems["tokens"].max() if len(problems) else 0
    rows = []
    for row in problems.itertuples():
        rows.append(
            f'<div style="display:grid;grid-template-columns:minmax(8rem,16rem) 1fr 7rem;gap:.6rem;'
            f'align-items:center;margin:.15rem 0" title="{html.escape(row.title)}">'
            f'<code style="font-size:.85em">{html.escape(row.code)}</code>'
            f'<div style="background:{CHART_COLOURS[row.severity]};height:.9rem;border-radius:2px;'
            f'width:max(2px,{row.tokens / longest * 100:.1f}%)"></div>'
            f'<span style="font-variant-numeric:tabular-nums">{row.tokens:,} ({row.tokens / tokens:.0%})</span></div>'
        )
    return "".join(rows)


def summary(results: pd.DataFrame) -> dict:
    """Headline numbers: tokens, how many are clean, how many Zoom would reject and with which error."""
    total = len(results)
    with_errors = int((results["errors"] > 0).sum())
    clean = int(((results["errors"] == 0) & (results["warnings"] == 0)).sum())
    zoom_errors = results["zoom_error"].dropna().astype(int).value_counts().to_dict()
    return {
        "tokens": total,
        "clean": clean,
        "with_errors": with_errors,
        "with_warnings_only": total - clean - with_errors,
        "zoom_errors": {int(k): int(v) for k, v in sorted(zoom_errors.items())},
    }


def problem_rows(results: pd.DataFrame, limit: int = 5000) -> pd.DataFrame:
    """The first `limit` tokens with an error or a warning: what a page shows (the CSV has them all)."""
    return results[(results["errors"] > 0) | (results["warnings"] > 0)].head(limit)


def results_csv(results: pd.DataFrame) -> str:
    return results.to_csv(index=False)
