"""`python -m lib diagnose` and `python -m lib compare`: JSON Lines in order, secrets never echoed."""

import subprocess
import sys

from lib.doctor.diagnosis import diagnose
from support.cli import run_cli
from support.doctor_cases import CASES, KEY, NOW, SECRET, good_payload, official_token, sign
from support.paths import ROOT


def test_diagnose_answers_each_line_in_order_like_the_library():
    codes = ["expired", "mn_not_digits", "bare_signature", "signature_valid", "input_cleaned"]
    lines = [{"id": code, "token": CASES[code][0], **_context(CASES[code][1])} for code in codes]
    process, outputs = run_cli("diagnose", lines, "--now", str(NOW))
    assert process.returncode == 0, process.stderr
    assert [o["id"] for o in outputs] == codes
    for line, output in zip(lines, outputs, strict=True):
        expected = diagnose(line["token"], secret=line.get("sdkSecret"), now=NOW)
        assert output["findings"] == [f.as_dict() for f in expected.findings]
        assert output["verdict"] == expected.verdict and output["zoom_error"] == expected.zoom_error
        assert output["secret_in_doubt"] is expected.secret_in_doubt
        assert line["id"] in {f["code"] for f in output["findings"]}


def _context(context):
    return {"sdkSecret": context["secret"]} if "secret" in context else {}


def test_diagnose_uses_the_lines_context_and_never_echoes_the_secret():
    secret = "a-recognisable-secret-for-the-cli-0123456789"
    token = sign(good_payload(), secret=secret + "\n")
    line = {"token": token, "sdkSecret": secret, "sdkKey": KEY, "meetingNumber": "857 4606 5432", "now": NOW}
    process, [output] = run_cli("diagnose", [line])
    assert {"signature_mismatch", "secret_whitespace"} <= {f["code"] for f in output["findings"]}
    assert output["zoom_error"] == 3712 and output["secret_in_doubt"] is False  # forensics proved the mistake
    assert secret not in process.stdout and secret not in process.stderr


def test_diagnose_reports_unreadable_lines_and_exits_1():
    process, outputs = run_cli("diagnose", ['{"token": "x"}', "not json", '{"token": 5}', '"just a string"', ""])
    assert process.returncode == 1
    assert "findings" in outputs[0]
    assert [o["step"] for o in outputs[1:]] == ["parse", "input", "input"]
    assert len(outputs) == 4


def test_compare_lines_up_two_tokens():
    pair = {"id": 1, "a": sign(good_payload(mn="857 4606 5432")), "b": official_token(), "sdkSecret": SECRET}
    process, [output] = run_cli("compare", [pair], "--now", str(NOW))
    assert process.returncode == 0, process.stderr
    assert output["id"] == 1 and output["identical"] is False
    mn = next(row for row in output["claims"] if row["claim"] == "mn")
    assert not mn["same"] and "digits only" in mn["explanation"]
    assert output["a"]["verified"] is True and "mn_not_digits" in output["a"]["codes"]
    assert output["b"]["codes"] == ["signature_valid"]
    assert SECRET not in process.stdout


def test_compare_takes_one_secret_per_side_and_names_a_missing_token():
    pair = {"a": official_token(), "b": official_token(), "sdkSecretA": SECRET, "sdkSecretB": "x" * 40}
    process, outputs = run_cli("compare", [pair, {"a": official_token()}], "--now", str(NOW))
    assert process.returncode == 1
    assert outputs[0]["a"]["verified"] is True and outputs[0]["b"]["verified"] is False
    # B is sound and only fails with the secret given for it: that secret is in doubt, no 3712 is predicted
    assert outputs[0]["b"]["secret_in_doubt"] is True and outputs[0]["b"]["zoom_error"] is None
    assert outputs[0]["a"]["secret_in_doubt"] is False
    assert outputs[1]["step"] == "input" and '"b"' in outputs[1]["error"]["message"]


def test_help_documents_the_fields():
    for command, field in (("diagnose", "meetingNumber"), ("compare", "sdkSecretA")):
        process = subprocess.run(
            [sys.executable, "-m", "lib", command, "--help"], capture_output=True, text=True, cwd=ROOT, timeout=60
        )
        assert field in process.stdout
