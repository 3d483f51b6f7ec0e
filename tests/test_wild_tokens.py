"""Tokens made by published signer code (tests/data/wild-tokens.jsonl; how they were made: wild-tokens.md).

Each row is one signer found in public code or a forum thread, run with fixed inputs and a frozen clock; its
label says what `python -m lib diagnose` must answer: a clean row no error at all, any other row every code of
`expect` (and of `expect_forensic`, once mapped) and none of `not_expect`.
"""

import json

import jwt
import pytest

from lib.doctor.findings import FINDING_CODES
from support.cli import run_cli
from support.paths import DATA

ROWS = [json.loads(line) for line in (DATA / "wild-tokens.jsonl").read_text().splitlines() if line.strip()]
CONTEXT = ("token", "sdkSecret", "sdkKey", "meetingNumber", "now", "sdk", "sessionName")
# Codes issue 12 announces; a label may use them before the doctor has them (the test then says which are missing).
ANNOUNCED_CODES = {"secret_in_token", "wrong_token_kind"}
# Issue 20's Video SDK codes: rows of a token family (`family`) may use them.
ANNOUNCED_CODES |= {"missing_tpc", "tpc_too_long", "tpc_mismatch", "missing_role_type", "role_type_not_number"}
ANNOUNCED_CODES |= {"role_type_out_of_range", "missing_version", "user_key_too_long", "session_key_too_long"}
# `forensic:<label>` of a row -> the finding code that names that key handling.
FORENSIC_CODES = {"jjwt_lenient_base64": "base64_truncated_secret"}
TIME_CODES = ("iat_in_future", "expired")


@pytest.fixture(scope="module")
def diagnoses():
    """Every row through one `python -m lib diagnose` run, by id."""
    records = [{"id": row["id"], **{name: row[name] for name in CONTEXT if name in row}} for row in ROWS]
    process, outputs = run_cli("diagnose", records)
    assert process.returncode == 0, process.stderr
    return {output["id"]: output for output in outputs}


def expected_codes(row):
    """The row's expected finding codes, and the labels the doctor has no finding code for yet."""
    forensic = [label.removeprefix("forensic:") for label in row.get("expect_forensic", [])]
    codes = row["expect"] + [FORENSIC_CODES[label] for label in forensic if label in FORENSIC_CODES]
    not_yet = [code for code in codes if code not in FINDING_CODES]
    not_yet += [f"forensic:{label}" for label in forensic if label not in FORENSIC_CODES]
    return codes, not_yet


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_wild_token_gets_its_label(row, diagnoses):
    output = diagnoses[row["id"]]
    if "family" in row:  # a native or Video SDK token (issue 20), or null: another kind of Zoom token
        if "token_family" not in output:
            pytest.skip("diagnose does not judge token families yet (issue 20, branch `families`)")
        assert output["token_family"] == row["family"], row["id"]
    findings = output["findings"]
    reported = {finding["code"] for finding in findings}
    what = f"{row['id']} ({row['language']}: {row['mistake']})"
    if row.get("clean"):
        errors = [(finding["code"], finding["message"]) for finding in findings if finding["severity"] == "error"]
        assert not errors, f"{what}: a correct token got errors {errors}"
        return
    codes, not_yet = expected_codes(row)
    assert not not_yet, f"{what}: lib/doctor/findings.py has no finding code yet for {not_yet}"
    missing = [code for code in codes if code not in reported]
    assert not missing, f"{what}: {missing} not reported; the doctor said {sorted(reported)}"
    wrong = reported & set(row.get("not_expect", []))
    assert not wrong, f"{what}: reported {sorted(wrong)}, which this token is not"
    if "iat_offset_hours" in row:  # a time-zone mix-up: the time finding says so, with the offset
        offsets = {f["evidence"].get("time_zone_offset_hours") for f in findings if f["code"] in TIME_CODES}
        assert row["iat_offset_hours"] in offsets, f"{what}: no time-zone evidence in {sorted(reported)}"


def test_the_rows_of_each_token_family_are_there():
    """Issue 20: tokens real Video SDK and native signers made, with their family."""
    families = [row.get("family") for row in ROWS]
    assert families.count("video") >= 17 and families.count("meeting_native") >= 6
    assert len({row["language"] for row in ROWS if "family" in row}) >= 5  # not one language's habits only
    assert any(row.get("clean") for row in ROWS if row.get("family") == "video")
    assert any(not row.get("clean") for row in ROWS if row.get("family") == "video")


def test_the_corpus_labels_are_well_formed():
    ids = [row["id"] for row in ROWS]
    assert len(ids) == len(set(ids))
    assert len({row["language"] for row in ROWS}) >= 6
    for row in ROWS:
        assert row["source"] and row["mistake"], row["id"]
        assert bool(row.get("clean")) == (not row["expect"] and not row.get("expect_forensic")), row["id"]
        assert set(row["expect"]) <= set(FINDING_CODES) | ANNOUNCED_CODES, row["id"]  # catches a mistyped code
        assert all(label.startswith("forensic:") for label in row.get("expect_forensic", [])), row["id"]
    assert any(row.get("clean") for row in ROWS) and not all(row.get("clean") for row in ROWS)


@pytest.mark.parametrize("row", [row for row in ROWS if row.get("clean")], ids=lambda row: row["id"])
def test_clean_rows_verify_with_pyjwt(row):
    """PyJWT, independent of the doctor, agrees that the clean rows are signed with their secret."""
    claims = jwt.decode(
        row["token"],
        row["sdkSecret"],
        algorithms=["HS256"],
        options={"verify_exp": False, "verify_iat": False, "verify_aud": False},
    )
    assert claims["iat"] <= row["now"] < claims["exp"]
