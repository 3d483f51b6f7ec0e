"""`python -m lib probe`: JSON Lines in, one redacted probe result per line out."""

import subprocess
import sys

from lib.endpoint.safety import ENV_ALLOWED_HOSTS
from support.cli import run_cli
from support.endpoint_servers import ENDPOINT_SDK_KEY, ENDPOINT_SDK_SECRET, python_endpoint
from support.paths import ROOT


def test_probe_lines_in_input_order_with_findings_and_no_token_or_secret():
    with python_endpoint() as good, python_endpoint("ignores_role") as bad:
        lines = [
            {"id": "good", "url": good.url, "sdkKey": ENDPOINT_SDK_KEY, "sdkSecret": ENDPOINT_SDK_SECRET},
            {"id": "bad", "url": bad.url, "meetingNumber": "857-4606-5432"},
        ]
        process, outputs = run_cli("probe", lines)
    assert process.returncode == 0, process.stderr
    first, second = outputs
    assert first["id"] == "good" and second["id"] == "bad"
    assert [f["code"] for f in first["findings"]] == ["endpoint_keeps_meeting_number_text"]
    assert len(first["matrix"]) == 16
    assert first["matrix"][0]["claims"]["mn"] == "85746065432"
    assert first["matrix"][0]["token_codes"] == ["signature_valid"]
    assert first["matrix"][0]["token_findings"] == [
        {"code": "signature_valid", "severity": "info", "not_counted": None}
    ]
    assert {f["code"] for f in second["findings"]} >= {"endpoint_ignores_role"}
    assert second["meetingNumber"] == "85746065432"
    assert ENDPOINT_SDK_SECRET not in process.stdout
    assert ENDPOINT_SDK_KEY not in process.stdout  # masked
    assert "eyJ" not in process.stdout  # no token, no segment


def test_probe_refuses_hosts_outside_the_allow_list_of_the_environment(monkeypatch):
    with python_endpoint() as server:
        monkeypatch.setenv(ENV_ALLOWED_HOSTS, "signing.example.com")
        process, outputs = run_cli("probe", [{"url": server.url}])
    assert server.received == []
    assert [f["code"] for f in outputs[0]["findings"]] == ["endpoint_not_allowed"]
    assert "signing.example.com" in outputs[0]["findings"][0]["message"]


def test_probe_input_errors_name_the_field_not_the_value():
    secret_like = "a-secret-that-must-not-be-echoed-0123456789"
    lines = [
        {"sdkSecret": secret_like},
        {"url": "http://localhost:4000", "sdkSecret": ["not", "a", "string"]},
        {"url": "http://localhost:4000", "meetingNumber": "85x"},
        {"url": "http://localhost:4000", "timeout": 0},
        {"url": "http://localhost:4000", "timeout": 30.5},
        "not json",
    ]
    process, outputs = run_cli("probe", lines)
    assert process.returncode == 1
    messages = [o["error"]["message"] for o in outputs]
    assert '"url"' in messages[0]
    assert "sdkSecret must be a JSON string" in messages[1]
    assert "only digits" in messages[2]
    assert "timeout" in messages[3] and "timeout" in messages[4]
    assert outputs[5]["step"] == "parse"
    assert secret_like not in process.stdout


def test_probe_help_explains_every_field():
    process = subprocess.run(
        [sys.executable, "-m", "lib", "probe", "--help"], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert process.returncode == 0
    for field in ("url", "sdkKey", "sdkSecret", "meetingNumber", "origin", "timeout", ENV_ALLOWED_HOSTS):
        assert f"  {field}" in process.stdout or field == ENV_ALLOWED_HOSTS and field in process.stdout


def test_probe_refuses_an_origin_that_would_inject_a_header():
    process, outputs = run_cli("probe", [{"url": "http://127.0.0.1:1/", "origin": "http://a.example\r\nX-Injected: 1"}])
    assert process.returncode == 1
    assert "origin" in outputs[0]["error"]["message"]


def test_probe_tells_a_url_without_its_scheme_to_add_http():
    process, [output] = run_cli("probe", [{"url": "localhost:4000"}])
    assert process.returncode == 0, process.stderr
    [finding] = output["findings"]
    assert finding["code"] == "endpoint_bad_url" and finding["severity"] == "error"
    assert finding["fix"].startswith("Add http:// in front: `http://localhost:4000`")
    assert "Traceback" not in process.stderr
