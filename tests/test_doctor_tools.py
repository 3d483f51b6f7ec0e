"""The doctor's helpers: redacted report, inspector rows, token comparison, batch files, demo samples."""

import base64
import json

import pandas as pd
import pytest

from lib.builder.credentials import take_typed_secret
from lib.doctor.batch import BadRecord, detect_format, item_from_record, read_batch
from lib.doctor.batch_results import diagnose_all, finding_counts, summary
from lib.doctor.diagnosis import diagnose
from lib.doctor.findings import FINDING_CODES
from lib.doctor.token_compare import compare_tokens
from lib.mistakes.catalogue import BUGS
from lib.mistakes.samples import MISTAKE_MAKERS, PASTED_SECRETS, demo_records
from lib.present.display import markdown_text
from lib.present.html import CHART_COLOURS, problem_bars_html
from lib.present.inspection import claim_rows, findings_by_stage, verification_status
from lib.present.redaction import mask_key, redacted_report
from lib.zoom.facts import DEMO_SDK_KEY, DEMO_SDK_SECRET
from support.doctor_cases import CASES, DROP, KEY, NOW, SECRET, good_payload, official_token, sign

# --------------------------------------------------------------------------------------- redaction


@pytest.mark.parametrize("code", ["expired", "mn_not_digits", "app_key_is_secret", "signature_mismatch"])
def test_report_holds_neither_secret_nor_signature_nor_full_key(code):
    text, context = CASES[code]
    secret = context.get("secret", SECRET)
    checked = diagnose(text, now=NOW, **{**context, "secret": secret + "\n", "sdk_key": KEY})
    report = redacted_report(checked, NOW, secret=secret + "\n", sdk_key=KEY)
    signature = checked.segments[2]
    for forbidden in (secret, signature, checked.token, KEY, base64.b64encode(secret.encode()).decode()):
        assert forbidden not in report
    assert checked.segments[1] not in report  # the payload segment would give the key back
    assert mask_key(KEY) in report
    assert "## Findings" in report and checked.findings[0].code in report


def test_report_shows_the_claims_and_the_verdict():
    checked = diagnose(CASES["mn_not_digits"][0], secret=SECRET, now=NOW)
    report = redacted_report(checked, NOW, secret=SECRET)
    assert '"857 4606 5432"' in report and checked.verdict.split(":")[0] in report
    assert "| payload | `mn` |" in report


def test_mask_key_keeps_only_a_recognisable_part():
    assert mask_key("abcDEF123ghiJKL456mnoP") == "abcD…oP (22 characters)"
    assert mask_key("short") == "s… (5 characters)"


def test_report_of_garbage_is_still_a_report():
    report = redacted_report(diagnose("not a token at all", now=NOW), NOW)
    assert report.startswith("# ") and "malformed_token" in report


# -------------------------------------------------------------------------------------- inspection


def test_claim_rows_carry_value_types_times_and_verdicts():
    checked = diagnose(sign(good_payload(role="1", mn=DROP)), now=NOW)
    rows = {row["claim"]: row for row in claim_rows(checked, NOW)}
    assert rows["role"]["value"] == '"1"' and rows["role"]["verdict"].startswith("⚠ warning")
    assert rows["iat"]["time"].startswith("2027-01-15") and "ago" in rows["iat"]["time"]
    assert rows["mn"]["value"] == "(missing)" and rows["mn"]["verdict"].startswith("✖ error")
    assert rows["alg"]["verdict"] == "✔ ok"


def test_every_unknown_claim_gets_its_verdict_not_only_the_first_ten():
    extra = {f"extra{i}": i for i in range(12)}
    checked = diagnose(sign({**good_payload(), **extra}), now=NOW)
    rows = {row["claim"]: row for row in claim_rows(checked, NOW)}
    assert all(rows[name]["verdict"].startswith("ℹ info") for name in extra)
    assert "and 2 more" in next(f.message for f in checked.findings if f.code == "unknown_claims")


def test_findings_are_grouped_in_step_order_with_errors_first():
    checked = diagnose(CASES["standard_base64"][0], secret="Xy9SecretSecretSecretSecret12345", now=NOW)
    titles = [title for title, _ in findings_by_stage(checked)]
    assert titles[0].startswith("Format") and titles.index("Claims") < titles.index("Signature")
    for _, findings in findings_by_stage(checked):
        severities = [f.severity for f in findings]
        assert severities == sorted(severities, key=["error", "warning", "info"].index)


@pytest.mark.parametrize(
    ("text", "secret", "level"),
    [(official_token(), SECRET, "success"), (official_token(), "x" * 40, "error"), (official_token(), None, "info")],
)
def test_verification_status(text, secret, level):
    assert verification_status(diagnose(text, secret=secret, now=NOW))[0] == level


def test_markdown_text_escapes_outside_code_spans_only():
    text = "Use ZOOM_MEETING_SDK_SECRET and `${a}_b` for $5 <b>"
    assert markdown_text(text) == "Use ZOOM\\_MEETING\\_SDK\\_SECRET and `${a}_b` for \\$5 \\<b\\>"


def test_take_typed_secret_moves_it_to_server_state():
    state = {"field": "typed-secret"}
    assert take_typed_secret(state, "field", "kept") == "typed-secret"
    assert state == {"field": "", "kept": "typed-secret"}
    assert take_typed_secret(state, "field", "kept") == "" and state["kept"] == "typed-secret"


# ------------------------------------------------------------------------------------------ compare


def test_compare_explains_meeting_number_with_spaces_and_string_role():
    comparison = compare_tokens(sign(good_payload(mn="857 4606 5432", role="1")), official_token(role=1), now=NOW)
    rows = {row["claim"]: row for row in comparison.claims}
    assert "Same meeting number written differently" in rows["mn"]["explanation"]
    assert "different JSON type" in rows["role"]["explanation"] and "a string" in rows["role"]["explanation"]
    assert rows["appKey"]["same"] and comparison.differing_claims == ["mn", "role"]
    segments = {row["segment"]: row for row in comparison.segments}
    assert segments["header"]["same"] and not segments["payload"]["same"]


def test_compare_names_the_base64_alphabet():
    token = sign(good_payload(), encode_signature=lambda mac: base64.b64encode(mac).decode())
    comparison = compare_tokens(token, official_token(), now=NOW)
    signature = next(row for row in comparison.segments if row["segment"] == "signature")
    assert "standard base64" in signature["explanation"] and "base64url" in signature["explanation"]


def test_compare_verifies_each_side_with_its_own_secret():
    comparison = compare_tokens(official_token(), official_token(), secret_a=SECRET, secret_b="x" * 40, now=NOW)
    assert comparison.identical and comparison.a.verified is True and comparison.b.verified is False


def test_compare_lists_claims_only_one_side_has():
    comparison = compare_tokens(sign(good_payload(tokenExp=DROP)), official_token(), now=NOW)
    row = next(r for r in comparison.claims if r["claim"] == "tokenExp")
    assert row["a"] == "(missing)" and row["explanation"].startswith("Only in B")


# -------------------------------------------------------------------------------------------- batch


def test_read_text_file_one_token_per_line_log_lines_included():
    text = f"{official_token()}\n\n2024-01-01 INFO signature={official_token()} sent\n"
    result = read_batch(text.encode())
    assert result.format == "text" and [i.line for i in result.items] == [1, 3]
    rows = diagnose_all(result.items, NOW)
    assert list(rows["errors"]) == [0, 0] and "input_cleaned" in rows["codes"][1]


def test_read_csv_with_context_columns_and_short_rows():
    text = (
        "Token,secret,mn\n"
        f"{official_token()},{SECRET},85746065432\n"
        f"{official_token()},{SECRET},12345678901\n"
        f"{official_token()}\n"
    )
    result = read_batch(text, "tokens.csv")
    assert result.format == "csv" and len(result.items) == 3 and result.items[0].secret == SECRET
    codes = list(diagnose_all(result.items, NOW)["codes"])
    assert "signature_valid" in codes[0] and "mn_mismatch" in codes[1] and "signature_not_verified" in codes[2]


def test_csv_with_old_mac_line_endings_is_read():  # a bare \r once made the csv module raise
    result = read_batch(f"token,secret\r{official_token()},{SECRET}\r\r{official_token()}\r", "tokens.csv")
    assert not result.problems and [item.secret for item in result.items] == [SECRET, None]


def test_csv_without_a_token_column_is_refused():
    result = read_batch("a,b\n1,2\n", "x.csv")
    assert not result.items and "no token column" in result.problems[0][1]


def test_read_jsonl_reports_bad_lines_and_keeps_going():
    lines = [json.dumps({"token": official_token(), "sdkSecret": SECRET}), "{oops", json.dumps({"token": 5}), "[]"]
    result = read_batch("\n".join(lines), "x.jsonl")
    assert len(result.items) == 1
    assert [line for line, _ in result.problems] == [2, 3, 4]


@pytest.mark.parametrize(
    ("record", "message"),
    [({}, "token"), ({"token": "x", "sdkSecret": 5}, "sdkSecret"), ({"token": "x", "now": "soon"}, "now")],
)
def test_bad_records_say_which_field(record, message):
    with pytest.raises(BadRecord, match=message):
        item_from_record(record, 1)


def test_format_detection():
    assert detect_format('{"token": "x"}') == "jsonl"
    assert detect_format("signature,secret\nx,y") == "csv"
    assert detect_format("eyJ.eyJ.x") == "text"
    assert detect_format("x", "tokens.ndjson") == "jsonl"


def test_batch_results_summary_counts_and_no_secret():
    records = demo_records(480, NOW)
    result = read_batch("".join(json.dumps(r) + "\n" for r in records), "demo.jsonl")
    progress = []
    results = diagnose_all(result.items, NOW, on_progress=lambda done, total: progress.append(done), every=100)
    assert progress == [100, 200, 300, 400, 480]
    numbers = summary(results)
    assert numbers["tokens"] == 480 and numbers["clean"] == 360 and numbers["with_errors"] > 0
    counts = finding_counts(results).set_index("code")["tokens"]
    assert counts["signature_valid"] > 300 and counts["bare_signature"] == 10
    bars = problem_bars_html(finding_counts(results), 480)
    assert "signature_valid" not in bars  # info findings are not problems
    code = '<code style="font-size:.85em">'
    assert f'{code}bare_signature</code><div style="background:{CHART_COLOURS["error"]};' in bars
    assert f'{code}role_not_number</code><div style="background:{CHART_COLOURS["warning"]};' in bars
    longest = finding_counts(results).query("severity != 'info'")["tokens"].max()
    assert f"width:max(2px,{10 / longest * 100:.1f}%)" in bars and "10 (2%)" in bars  # 10 of 480 tokens
    assert "<script>" not in problem_bars_html(
        pd.DataFrame([{"code": "<script>", "title": "<b>", "severity": "error", "tokens": 1}]), 1
    )
    assert len(results["token_sha256"][0]) == 12
    csv_text = results.to_csv(index=False)
    assert DEMO_SDK_SECRET not in csv_text and records[1]["token"] not in csv_text
    assert isinstance(results, pd.DataFrame) and len(results) == 480


# ------------------------------------------------------------------------------ labelled demo samples

EXPECTED = {
    "secret_trailing_newline": {"secret_whitespace"},
    "key_secret_swapped": {"app_key_is_secret", "signed_with_key"},
    "wrong_app_type": {"app_key_mismatch", "signature_mismatch"},
    "timestamps_milliseconds": {"timestamp_milliseconds"},
    "expired": {"expired"},
    "meeting_number_spaces": {"mn_not_digits"},
    "role_string": {"role_not_number"},
    "no_token_exp": {"missing_token_exp"},
    "forum_snippet": {"standard_base64", "meeting_number_claim_name", "missing_token_exp"},
    "mac_only": {"bare_signature"},
    "lifetime_too_short": {"lifetime_too_short"},
    "hex_secret": {"hex_secret"},
}


def test_demo_mistakes_are_named_by_the_catalogues_ids():
    assert set(MISTAKE_MAKERS) - {"forum_snippet", "hex_secret"} <= set(BUGS)
    assert "hex_secret" in FINDING_CODES and set(EXPECTED) == set(MISTAKE_MAKERS)


@pytest.mark.parametrize("mistake", list(MISTAKE_MAKERS))
def test_every_demo_mistake_is_named(mistake):
    token = MISTAKE_MAKERS[mistake](NOW, 3)
    checked = diagnose(token, secret=PASTED_SECRETS.get(mistake, DEMO_SDK_SECRET), sdk_key=DEMO_SDK_KEY, now=NOW)
    assert EXPECTED[mistake] <= set(checked.codes)
    assert checked.severity_count("error") + checked.severity_count("warning") > 0


def test_demo_correct_records_are_clean():
    clean = [r for index, r in enumerate(demo_records(8, NOW)) if index % 4]
    for record in clean:
        checked = diagnose(record["token"], secret=record["sdkSecret"], sdk_key=record["sdkKey"], now=NOW)
        assert checked.verified and not checked.severity_count("error") + checked.severity_count("warning")


def test_huge_claim_values_are_cut_for_display():
    checked = diagnose(sign(good_payload(appKey="k" * 100_000)), now=NOW)
    row = next(r for r in claim_rows(checked, NOW) if r["claim"] == "appKey")
    assert len(row["value"]) <= 200 and row["value"].endswith("…")
