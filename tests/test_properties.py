"""Property tests: every lib entry point that takes user text answers with data, never a traceback."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from lib.builder.form import FormInput, read_form
from lib.cli import LineError, process_lines, sign_record
from lib.present.display import describe_time
from lib.present.html import colour_token_html
from lib.signing.encoding import base64_lenient_decode, base64url_encode, standard_base64_encode
from lib.signing.jsjson import json_stringify
from lib.zoom.meeting_number import normalize_meeting_number
from support.properties import json_values

NOW = 1_800_000_000
any_text = st.text(max_size=300)


@settings(max_examples=300)
@given(any_text)
def test_meeting_number_normalization_always_answers(text):
    result = normalize_meeting_number(text)
    assert (result.digits is None) != (result.error is None)
    if result.digits:
        assert result.digits.isdigit() and result.digits.isascii()


# A secret no message text can contain by chance (a generated "ps:/" is part of any https:// link a message
# explains), followed by any text: if it shows up in a message, the message echoed the secret.
SECRET_MARK = "Qz7secretMARK"
secrets = st.one_of(any_text, st.builds(SECRET_MARK.__add__, any_text))


@settings(max_examples=200)
@given(any_text, secrets, any_text, st.sampled_from([0, 1]), st.integers(1, 10**9), st.booleans())
def test_form_reading_always_answers(key, secret, meeting_number, role, lifetime, skew):
    result = read_form(FormInput(key, secret, meeting_number, role, lifetime, skew), NOW)
    assert all(p.severity in ("error", "warning", "info") and p.message for p in result.problems)
    assert all(SECRET_MARK not in p.message for p in result.problems)


@settings(max_examples=300)
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "sdkKey",
                "sdkSecret",
                "meetingNumber",
                "role",
                "iat",
                "exp",
                "tokenExp",
                "videoWebRtcMode",
                "variant",
                "id",
            ]
        ),
        json_values,
    )
)
def test_sign_record_returns_steps_or_a_line_error(record):
    try:
        output = sign_record(record, NOW)
    except LineError as error:
        assert error.step and str(error)
    else:
        assert isinstance(output["warnings"], list)
        variant = record.get("variant")
        if "error" in output:  # a buggy variant's JavaScript threw: the steps before the throw, and where
            assert output["step"] and isinstance(variant, (str, list)) and "returned" not in output
        elif not (isinstance(variant, list) and "legacy_format" in variant):  # legacy tokens have no dots
            assert output["token"].count(".") == 2


@settings(max_examples=200)
@given(st.lists(any_text, max_size=5))
def test_process_lines_never_raises(lines):
    outputs = list(process_lines(lines, sign_record, NOW))
    for output, ok in outputs:
        json.dumps(output)
        assert ok == ("error" not in output)


@settings(max_examples=300)
@given(json_values)
def test_json_stringify_is_valid_json(value):
    text = json_stringify(value)
    json.loads(text)


@settings(max_examples=300)
@given(st.binary(max_size=100))
def test_base64url_round_trip(data):
    encoded = base64url_encode(data)
    assert base64_lenient_decode(encoded) == data == base64_lenient_decode(standard_base64_encode(data))


@settings(max_examples=300)
@given(any_text)
def test_lenient_decoding_gives_the_bytes_the_length_says_or_a_value_error(text):
    try:
        decoded = base64_lenient_decode(text)
    except ValueError:  # binascii.Error is one; the doctor turns it into a finding
        return
    assert len(decoded) == len(text.rstrip("=")) * 3 // 4


@settings(max_examples=200)
@given(any_text, json_values)
def test_display_helpers_always_answer(token, value):
    assert "<script" not in colour_token_html(token + "<script>")
    assert describe_time(value, NOW)
