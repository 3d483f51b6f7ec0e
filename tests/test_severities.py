"""Every finding code's severity is pinned in one table, tests/data/severities.json: scripts and CI jobs act on
`error` versus `warning`, so a severity is part of the public contract as much as the code itself. Changing
one is a deliberate edit of that table, never a side effect (an `endpoint_leaks_secret` turned into a
warning used to pass every test)."""

import json
from pathlib import Path

import pytest

from lib.doctor.findings import FINDING_CODES
from lib.endpoint.codes import ENDPOINT_CODES
from lib.review.codes import REVIEW_CODES
from support.cli import run_cli
from support.paths import DATA

TABLE = json.loads((DATA / "severities.json").read_text())
CONTRACT = (Path(__file__).resolve().parent.parent / ".." / "shared" / "contract" / "finding-codes.txt").resolve()
SEVERITIES = ("error", "warning", "info")
COMMANDS = ("diagnose", "review", "probe", "sign")


def pinned(*commands):
    return {code: severity for command in commands for code, severity in TABLE[command].items()}


def test_the_table_holds_each_code_once_with_a_known_severity():
    codes = [code for command in COMMANDS for code in TABLE[command]]
    assert len(codes) == len(set(codes))
    assert set(pinned(*COMMANDS).values()) <= set(SEVERITIES)


def test_every_code_of_the_public_contract_is_pinned():
    if not CONTRACT.is_file():
        pytest.skip("../shared/contract/finding-codes.txt is not beside this checkout")
    contract = CONTRACT.read_text().split()
    assert set(contract) - set(pinned(*COMMANDS)) == set()


def test_the_token_doctors_severities_are_the_tables():
    assert {code: spec.severity for code, spec in FINDING_CODES.items()} == TABLE["diagnose"]


def test_the_code_doctors_severities_are_the_tables():
    assert {code: spec.severity for code, spec in REVIEW_CODES.items()} == pinned("diagnose", "review")


def test_the_endpoint_testers_severities_are_the_tables():
    assert {code: spec.severity for code, spec in ENDPOINT_CODES.items()} == TABLE["probe"]


SIGN_RECORD = {"sdkKey": "SeverityKeyAbCdEfGhIj", "sdkSecret": "severity-secret-ZyXwVuTsRqPoNmLkJi", "role": 0}
SIGN_LINES = [  # each line makes `sign` give some of its own codes
    {**SIGN_RECORD, "sdkSecret": ""},
    {**SIGN_RECORD, "sdkSecret": "ab" * 16},
    {**SIGN_RECORD, "sdkKey": " SeverityKeyAbCdEfGhIj", "sdkSecret": "severity-secret-ZyXwVuTsRqPoNmLkJi\n"},
    {**SIGN_RECORD, "sdkKey": "K" * 5000, "sdkSecret": "s" * 5000},
    {**SIGN_RECORD, "variant": ["key_secret_swapped"]},
]


def test_sign_gives_its_codes_the_tables_severities():
    process, results = run_cli("sign", [{**line, "meetingNumber": 85746065432} for line in SIGN_LINES])
    said = {(w["code"], w["severity"]) for result in results for w in result.get("warnings", [])}
    assert {code for code, _ in said} >= set(TABLE["sign"])  # every code of sign's own is seen
    expected = pinned("sign", "diagnose")
    assert {(code, severity) for code, severity in said if code in TABLE["sign"]} == set(TABLE["sign"].items())
    assert all(code in expected for code, _ in said), said
