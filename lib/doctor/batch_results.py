"""Many tokens diagnosed at once, and what a page or a CSV says about them.

The results never hold a secret nor a token: each token is named by its line and a short SHA-256.
100 000 tokens take a few seconds: results are kept as columns, not as 100 000 Diagnosis objects.
"""

import hashlib
from collections import Counter

import pandas as pd

from lib.doctor.findings import FINDING_CODES
from lib.zoom.families import VIDEO

RESULT_COLUMNS = (
    "line",
    "token_sha256",
    "token_family",
    "verdict",
    "zoom_error",
    "errors",
    "warnings",
    "codes",
    "bug_ids",
    "tpc",
    "session_key",
)
# The Video SDK claims that name a session: one session's tokens share them (tpc compared ignoring case).
SESSION_CLAIMS = ("tpc", "session_key")


def diagnose_all(items, now: int, on_progress=None, every: int = 2000) -> pd.DataFrame:
    """Diagnose every item; `on_progress(done, total)` is called every `every` items and at the end."""
    columns = {name: [] for name in RESULT_COLUMNS}
    total = len(items)
    for done, item in enumerate(items, start=1):
        checked = item.diagnose(now)
        columns["line"].append(item.line)
        columns["token_sha256"].append(hashlib.sha256(item.token.strip().encode("utf-8", "replace")).hexdigest()[:12])
        columns["token_family"].append(checked.token_family)
        video = checked.token_family == VIDEO and checked.payload or {}
        for claim in SESSION_CLAIMS:
            value = video.get(claim)
            columns[claim].append(value if isinstance(value, str) else None)
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
        "token_families": {str(k): int(v) for k, v in results["token_family"].value_counts().items()},
        "session_outliers": len(session_outliers(results)),
    }


def session_outliers(results: pd.DataFrame) -> pd.DataFrame:
    """Video SDK tokens whose tpc or session_key differs from what most of the file's Video SDK tokens carry: in
    a file of one session's tokens, the tokens that would join another session (or are counted as another)."""
    rows = []
    video = results[results["token_family"] == VIDEO]
    for claim in SESSION_CLAIMS:
        values = video[claim].dropna()
        keys = values.str.lower() if claim == "tpc" else values
        if keys.nunique() < 2:
            continue
        usual = keys.value_counts().index[0]
        shown_usual = values[keys == usual].iloc[0]
        for index in keys[keys != usual].index:
            row = results.loc[index]
            rows.append(
                {
                    "line": row["line"],
                    "token_sha256": row["token_sha256"],
                    "claim": claim,
                    "value": row[claim],
                    "usual": shown_usual,
                }
            )
    return pd.DataFrame(rows, columns=["line", "token_sha256", "claim", "value", "usual"])


def problem_rows(results: pd.DataFrame, limit: int = 5000) -> pd.DataFrame:
    """The first `limit` tokens with an error or a warning: what a page shows (the CSV has them all)."""
    return results[(results["errors"] > 0) | (results["warnings"] > 0)].head(limit)


def results_csv(results: pd.DataFrame) -> str:
    return results.to_csv(index=False)


def batch_result(source, now: int, on_progress=None) -> dict:
    """What the Batch check keeps of a run over a lib.doctor.batch.ReadResult: the results, their CSV, the
    lines skipped and the format the file was read as."""
    results = diagnose_all(source.items, now, on_progress=on_progress)
    return {"results": results, "csv": results_csv(results), "problems": source.problems, "format": source.format}
