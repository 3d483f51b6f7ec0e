"""Property tests for the lib entry points that take user text beyond the signer and the doctor
(tests/test_properties.py, tests/test_diagnosis_properties.py): token comparison, batch files, the
forum emulation and the bug catalogue, the join plan, lessons, redaction, and the CLI's other commands.
Each answers with data or its documented error, never a traceback, and never echoes a secret.
"""

import json

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lib.cli import compare_record, diagnose_record, process_lines
from lib.doctor.batch import read_batch
from lib.doctor.batch_results import diagnose_all
from lib.doctor.diagnosis import diagnose
from lib.doctor.token_compare import compare_tokens
from lib.javascript.forum import forum_generate_signature
from lib.join.outcome import OUTCOME_STATUSES, read_outcome
from lib.join.plan import JoinForm, plan_join
from lib.join.sdk_source import sdk_source
from lib.mistakes.buggy_signer import BugSelectionError, sign_with_bugs
from lib.mistakes.catalogue import BUGS
from lib.present.display import escape_markdown, markdown_text
from lib.present.html import base64_html
from lib.present.redaction import mask_key, redacted_report
from lib.signing.encoding import secret_fingerprint
from lib.signing.steps import SignatureRequest
from lib.training.lessons import base64_comparison
from lib.zoom.facts import CLAIM_ORDER
from support.doctor_cases import sign
from support.properties import json_values

NOW = 1_800_000_000
any_text = st.text(max_size=200)
SECRET = "property-secret-0123456789-abcdefghijkl"
# Tokens near the real thing as well as noise: a JWT-shaped prefix makes the decoders go deeper.
token_like = st.one_of(any_text, st.builds(lambda tail: "eyJhbGciOiJIUzI1NiJ9." + tail, any_text))


# Payloads that carry the secret somewhere a report shows: a claim's value (alone or inside other text)
# or a claim's name. Without the report's last scrub the secret would reach the text.
payloads_holding_the_secret = st.one_of(
    st.builds(
        lambda claims, name, before, after: {**claims, name: before + SECRET + after},
        st.dictionaries(st.sampled_from(CLAIM_ORDER), json_values, max_size=5),
        st.sampled_from([*CLAIM_ORDER, "note"]),
        st.text("ab -:", max_size=4),
        st.text("ab -:", max_size=4),
    ),
    st.builds(lambda claims: {**claims, SECRET: 1}, st.dictionaries(st.sampled_from(CLAIM_ORDER), json_values)),
)


@settings(max_examples=150)
@given(token_like, token_like, st.one_of(st.none(), any_text), st.one_of(st.none(), any_text))
def test_compare_tokens_always_answers(a, b, sdk_key, meeting_number):
    result = compare_tokens(a, b, secret_a=SECRET, secret_b=None, sdk_key=sdk_key, meeting_number=meeting_number)
    assert SECRET not in repr(result)


@settings(max_examples=300)
@given(st.one_of(any_text, st.binary(max_size=300)), st.sampled_from(["", "x.txt", "x.csv", "x.jsonl", "x.json"]))
def test_batch_files_are_read_and_diagnosed_or_refused_by_line(data, filename):
    result = read_batch(data, filename)
    assert all(isinstance(line, int) and message for line, message in result.problems)
    results = diagnose_all(result.items[:20], NOW)
    assert len(results) == min(len(result.items), 20)


@settings(max_examples=150)
@given(json_values, any_text, json_values, json_values)
def test_forum_snippet_emulation_returns_steps_or_the_javascript_error(key, secret, meeting_number, role):
    steps = forum_generate_signature(key, secret, meeting_number, role, NOW, NOW + 7200)
    assert steps.error is None or steps.error.name and steps.error.message
    if steps.error:  # the message is the one JavaScript gives without this secret (no "Inva" of "Invalid …")
        without_secret = forum_generate_signature(key, "s" * len(secret), meeting_number, role, NOW, NOW + 7200)
        assert len(secret) < 4 or secret not in steps.error.message or secret in str(without_secret.error)


@settings(max_examples=150)
@given(any_text, any_text, json_values, st.lists(st.sampled_from(sorted(BUGS)), max_size=3, unique=True))
def test_any_bug_selection_signs_or_says_which_switches_conflict(key, meeting_number, role, bug_ids):
    request = SignatureRequest(key, SECRET, meeting_number, role, NOW, NOW + 7200)
    try:
        steps = sign_with_bugs(request, bug_ids)
    except BugSelectionError as error:
        assert "cannot be on together" in str(error)
    else:
        assert steps.error is not None or steps.returned is not None


@settings(max_examples=150)
@given(token_like, any_text, any_text, any_text, any_text, st.sampled_from([0, 1]), any_text, any_text)
def test_join_plan_always_answers(token, meeting_number, user_name, passcode, email, role, version, base):
    form = JoinForm(token, meeting_number, user_name, passcode, email, role, sdk_version=version, self_hosted_base=base)
    plan = plan_join(form, NOW)
    assert all(problem.message for problem in plan.problems)
    source, problems = sdk_source(version, base)
    assert all(problem.message for problem in problems)
    assert (source is None) == any(problem.severity == "error" for problem in problems)
    if source is not None:
        assert source.version == version.strip() and source.self_hosted == bool(base.strip().rstrip("/"))
        assert source.version in source.base_url or source.self_hosted


@settings(max_examples=150)
@given(
    any_text,
    st.one_of(
        json_values,
        st.fixed_dictionaries(
            {"status": st.one_of(st.sampled_from(OUTCOME_STATUSES), any_text)},
            optional={
                "nonce": st.one_of(st.just("the-nonce"), any_text),
                "errorCode": json_values,
                "reason": st.one_of(any_text, st.text(min_size=490, max_size=520), json_values),
                "errorType": json_values,
                "detail": json_values,
            },
        ),
    ),
)
def test_a_relayed_join_outcome_is_read_only_when_it_belongs_to_this_attempt(nonce, value):
    for expected_nonce in (nonce, "the-nonce"):
        outcome = read_outcome(value, expected_nonce)
        belongs = (
            isinstance(value, dict) and value.get("nonce") == expected_nonce and value.get("status") in OUTCOME_STATUSES
        )
        assert (outcome is not None) == belongs
        if outcome is not None:
            assert outcome.status == value["status"]
            code = value.get("errorCode")
            assert outcome.error_code == (code if type(code) is int else None)
            for field, name in (("reason", "reason"), ("error_type", "errorType"), ("detail", "detail")):
                given_text = value.get(name) if isinstance(value.get(name), str) else ""
                shown = getattr(outcome, field)
                assert given_text.startswith(shown) and len(shown) == min(len(given_text), 500)


@settings(max_examples=150)
@given(any_text)
def test_text_helpers_always_answer(text):
    assert "\\<script" in markdown_text(text + "<script>")  # Markdown shows it as text
    escape_markdown(text)
    assert str(len(text)) in secret_fingerprint(text)
    if len(text) > 8:
        assert text not in mask_key(text)
    try:
        comparison = base64_comparison(text)
    except ValueError as error:  # a lone surrogate has no UTF-8: the message says so
        assert "surrogate" in str(error)
    else:
        assert "<script" not in base64_html(comparison)


@settings(max_examples=150)
@given(
    st.one_of(token_like, st.builds(sign, payloads_holding_the_secret, st.just(SECRET))),
    st.one_of(st.none(), any_text, st.just(SECRET)),
)
@example(sign({"sdkKey": []}, SECRET), None)  # found by this property: a key claim that is no text
def test_the_redacted_report_never_holds_the_secret_or_the_signature(token, sdk_key):
    checked = diagnose(token, secret=SECRET, sdk_key=sdk_key, now=NOW)
    report = redacted_report(checked, NOW, secret=SECRET, sdk_key=sdk_key)
    assert SECRET not in report
    signature = token.rsplit(".", 1)[-1] if token.count(".") == 2 else ""
    if len(signature) >= 20:
        assert signature not in report


@settings(max_examples=100)
@given(st.lists(st.one_of(any_text, st.builds(json.dumps, json_values)), max_size=4))
def test_diagnose_and_compare_commands_never_raise(lines):
    for handle in (diagnose_record, compare_record):
        for output, ok in process_lines(lines, handle, NOW):
            json.dumps(output)
            assert ok == ("error" not in output)
