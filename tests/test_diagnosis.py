"""Token doctor: every finding code on a token that has exactly that mistake, none on a correct token."""

import base64
import json

import jwt
import pytest

from lib.doctor.diagnosis import diagnose
from lib.doctor.findings import FINDING_CODES, STAGES, Diagnosis
from lib.doctor.paste import extract_token
from lib.mistakes.catalogue import BUGS, FINDING_BUGS, bug_for_finding
from lib.mistakes.forensics import MISTAKE_CODES
from lib.signing.encoding import base64url_encode, standard_base64_encode
from lib.signing.secret_scan import NAMED_WITH_SECRET
from lib.zoom.facts import HEADER, UNDOCUMENTED_ERROR, ZOOM_ERRORS
from lib.zoom.rules import SEVERITIES
from support.doctor_cases import (
    CASES,
    DROP,
    FORUM,
    HEADER_B64,
    KEY,
    MN,
    NOW,
    SECRET,
    good_payload,
    official_token,
    sign,
)
from support.vectors import load_vectors


def codes(diagnosis):
    return set(diagnosis.codes)


def problems(diagnosis):
    return {f.code for f in diagnosis.findings if f.severity in ("error", "warning")}


# ------------------------------------------------------------------------------ a correct token


@pytest.mark.parametrize("role", [0, 1])
def test_official_sample_token_raises_no_alarm(role):
    token = official_token(role=role)
    checked = diagnose(token, secret=SECRET, sdk_key=KEY, meeting_number=str(MN), now=NOW, host=role == 1)
    assert problems(checked) == set()
    assert checked.zoom_error is None
    assert checked.verified is True and checked.has("signature_valid")
    assert checked.verdict.startswith("Correct")
    assert checked.header == HEADER and checked.payload["mn"] == MN


def test_without_a_secret_the_signature_is_an_info_not_a_warning():
    checked = diagnose(official_token(), now=NOW)
    assert problems(checked) == set()
    [finding] = [f for f in checked.findings if f.code == "signature_not_verified"]
    assert finding.severity == "info" and checked.verified is None
    assert "not verified" in checked.verdict


def test_pyjwt_made_token_is_clean_and_pyjwt_agrees_it_verifies():
    token = jwt.encode(good_payload(), SECRET, algorithm="HS256")
    assert problems(diagnose(token, secret=SECRET, now=NOW)) == set()
    assert (
        jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_exp": False, "verify_iat": False})["mn"] == MN
    )


OFFICIAL_ROWS = [
    r for r in load_vectors("official") if r.get("hmac_key_is_utf8_of_secret") and "tokenExp" not in r["input"]
]


@pytest.mark.parametrize("row", OFFICIAL_ROWS, ids=lambda r: r["id"])
def test_every_javascript_official_vector_has_no_error(row):
    given = row["input"]
    checked = diagnose(row["returned"], secret=given["secret"], now=given["iat"] + 60, host=given["role"] != 0)
    assert {f.code for f in checked.findings if f.severity == "error"} == set()
    assert checked.verified is True
    if given["role"] in (0, 1):  # the sample's own types; a string role is a warning
        assert problems(checked) == set()


def test_correct_token_has_none_of_the_problem_codes():
    checked = diagnose(official_token(), secret=SECRET, now=NOW)
    assert set(checked.codes) == {"signature_valid"}


# --------------------------------------------------------------------------- each code, each mistake


# the codes whose cases live in test_forensics.py, and the safety net that must never fire
FORENSIC_CODES = set(MISTAKE_CODES)


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_code_is_found_on_its_mistake(code):
    text, context = CASES[code]
    checked = diagnose(text, **{"now": NOW, **context})
    assert code in checked.codes, (code, checked.codes)
    finding = next(f for f in checked.findings if f.code == code)
    assert finding.step in STAGES and finding.severity in SEVERITIES and finding.message
    assert finding.bug_id == bug_for_finding(code, finding.step)
    assert "diagnosis_failed" not in checked.codes


def test_every_code_has_a_test_case():
    assert set(FINDING_CODES) - {"diagnosis_failed"} == set(CASES) | FORENSIC_CODES


REQUIRED_CODES = (
    "bare_signature malformed_token standard_base64 invalid_json legacy_signature_format wrong_alg missing_app_key "
    "meeting_number_claim_name missing_mn mn_not_digits mn_mismatch app_key_is_meeting_number missing_role "
    "role_not_number role_out_of_range missing_iat iat_in_future timestamp_milliseconds timestamp_not_integer "
    "missing_exp expired lifetime_too_short lifetime_too_long missing_token_exp token_exp_too_short signature_valid "
    "signature_mismatch"
).split()


def test_the_issues_codes_all_exist():
    assert set(REQUIRED_CODES) <= set(FINDING_CODES)


@pytest.mark.parametrize(
    ("code", "bug_id"),
    [
        ("bare_signature", "mac_only"),
        ("meeting_number_claim_name", "meeting_number_claim"),
        ("role_not_number", "role_string"),
        ("missing_token_exp", "no_token_exp"),
        ("timestamp_milliseconds", "timestamps_milliseconds"),
        ("mn_not_digits", "meeting_number_spaces"),
        ("legacy_signature_format", "legacy_format"),
        ("app_key_is_meeting_number", "argument_shift"),
        ("expired", "expired"),
    ],
)
def test_findings_name_the_catalogue_bug(code, bug_id):
    text, context = CASES[code]
    finding = next(f for f in diagnose(text, now=NOW, **context).findings if f.code == code)
    assert finding.bug_id == bug_id


def test_standard_base64_names_segments_and_signature_separately():
    checked = diagnose(FORUM["assembled_token"], now=NOW)
    found = {(f.step, f.bug_id) for f in checked.findings if f.code == "standard_base64"}
    assert found == {("format", "standard_base64_segments"), ("signature", "standard_base64_signature")}
    clean_segments = next(r for r in load_vectors("forum") if r["id"] == "forum-b64-clean")
    only_signature = diagnose(clean_segments["assembled_token"], now=NOW)
    assert [f.bug_id for f in only_signature.findings if f.code == "standard_base64"] == ["standard_base64_signature"]


def test_btoa_segments_that_happen_to_be_clean_still_show_a_standard_signature():
    token = sign(good_payload(), encode=standard_base64_encode, encode_signature=standard_base64_encode)
    assert token.endswith("=") and "standard_base64" in diagnose(token, now=NOW).codes


def test_missing_app_key_is_a_warning_when_sdk_key_is_there():
    checked = diagnose(sign(good_payload(appKey=DROP)), now=NOW)
    assert next(f for f in checked.findings if f.code == "missing_app_key").severity == "warning"
    error = diagnose(CASES["missing_app_key"][0], now=NOW)
    assert next(f for f in error.findings if f.code == "missing_app_key").severity == "error"


def test_string_role_is_a_warning_and_other_types_an_error():
    assert diagnose(sign(good_payload(role="1")), now=NOW).severity_count("error") == 0
    wrong = diagnose(sign(good_payload(role=None)), now=NOW)
    assert next(f for f in wrong.findings if f.code == "role_not_number").severity == "error"


@pytest.mark.parametrize(
    ("token_exp", "in_milliseconds"),
    [
        (NOW + 7190, ["iat", "exp"]),  # the case's tokenExp is in seconds: only iat and exp are named
        ((NOW + 7200) * 1000, ["iat", "exp", "tokenExp"]),
    ],
)
def test_milliseconds_are_named_claim_by_claim_and_not_also_as_future_or_lifetime(token_exp, in_milliseconds):
    token = sign(good_payload(iat=NOW * 1000, exp=(NOW + 7200) * 1000, tokenExp=token_exp))
    checked = diagnose(token, now=NOW)
    assert not {"iat_in_future", "lifetime_too_long", "lifetime_too_short"} & set(checked.codes)
    [finding] = [f for f in checked.findings if f.code == "timestamp_milliseconds"]
    assert finding.evidence["claims"] == in_milliseconds


def test_meeting_number_with_spaces_suggests_the_digits():
    finding = next(f for f in diagnose(CASES["mn_not_digits"][0], now=NOW).findings if f.code == "mn_not_digits")
    assert "85746065432" in finding.message


def test_context_meeting_number_is_normalized_before_comparing():
    assert not diagnose(official_token(), meeting_number="857 4606 5432", now=NOW).has("mn_mismatch")
    assert diagnose(official_token(), meeting_number=12345678901, now=NOW).has("mn_mismatch")


def test_json_wrapper_gives_the_sdk_key_as_context():
    wrapped = json.dumps({"signature": official_token(), "sdkKey": "SomeOtherKey000"})
    checked = diagnose(wrapped, now=NOW)
    assert checked.has("input_cleaned") and checked.has("app_key_mismatch")


# --------------------------------------------------------------------------------- pasted wrappers


@pytest.mark.parametrize(
    "wrap",
    [
        lambda t: f"  {t}\n",
        lambda t: f'"{t}"',
        lambda t: f"'{t}',",
        lambda t: f"Bearer {t}",
        lambda t: f"Authorization: Bearer {t}",
        lambda t: json.dumps({"signature": t, "sdkKey": KEY}),
        lambda t: json.dumps(t),
        lambda t: "\n".join(t[i : i + 40] for i in range(0, len(t), 40)),
        lambda t: f"signature: '{t}'",
        lambda t: f"`{t}`;",
        lambda t: "\ufeff" + t,
    ],
)
def test_wrapped_tokens_are_unwrapped_and_verify(wrap):
    token = official_token()
    checked = diagnose(wrap(token), secret=SECRET, now=NOW)
    assert checked.token == token
    assert problems(checked) == set() and checked.verified is True


def test_extract_token_says_what_it_removed():
    pasted = extract_token(f'Bearer "{official_token()}"')
    assert pasted.text == official_token() and "the 'Bearer ' prefix" in pasted.removed


# ------------------------------------------------------------------------------------ zoom errors


@pytest.mark.parametrize(
    ("code", "zoom_error"),
    [
        ("standard_base64", 3712),
        ("expired", 3705),
        ("mn_mismatch", 3706),
        ("role_out_of_range", 3708),
    ],
)
def test_zoom_error_follows_the_findings(code, zoom_error):
    text, context = CASES[code]
    if code == "standard_base64":  # that case has more errors: the mistake alone
        text, context = sign(good_payload(), encode=standard_base64_encode), {}
    checked = diagnose(text, **{"now": NOW, **context})
    assert checked.zoom_error == zoom_error
    assert str(zoom_error) in checked.verdict and ZOOM_ERRORS[zoom_error].message in checked.verdict


def test_errors_that_lead_to_different_codes_or_to_none_predict_no_code():
    """Zoom does not document the order it checks a token in (docs/zoom-signature-facts.md), so which of two
    documented answers comes first, or whether an undocumented one does, is not documented either."""
    expired = sign(good_payload(iat=NOW - 9000, exp=NOW - 1800, tokenExp=NOW - 1800))
    assert diagnose(expired, now=NOW).zoom_error == 3705  # one error, one documented code
    for checked, codes_alone in (
        (diagnose(expired, meeting_number="1234567890", now=NOW), "3705 and 3706"),  # expired, mn_mismatch
        (diagnose(expired, secret="wrong-secret-wrong-secret-wrong-secret", now=NOW), "3705 and 3712"),
        (diagnose(sign(good_payload(iat=NOW - 9000, exp=NOW - 8000)), now=NOW), "3705"),  # and lifetime_too_short
    ):
        assert checked.zoom_error is None and "most likely" not in checked.verdict
        assert checked.verdict.startswith(f"{UNDOCUMENTED_ERROR} for these errors together ({codes_alone} ")
    undocumented_only = diagnose(sign(good_payload(mn="857 4606 5432")), now=NOW)  # mn_not_digits: no code
    assert undocumented_only.zoom_error is None and undocumented_only.verdict.startswith("Cause: ")


TEST_APP_SECRET = "the-test-apps-client-secret-0123456789abcd"  # another app's secret, typed by mistake


@pytest.mark.parametrize("role", [0, "1"])  # "1": a warning (role_not_number) does not make the token wrong
def test_a_sound_token_that_does_not_verify_puts_the_typed_secret_in_doubt(role):
    """PyJWT signs with the app's secret; the user types a test app's secret into the doctor. Nothing else in
    the token is wrong, so the doctor cannot tell whose secret is wrong: it says both, and predicts no 3712."""
    token = jwt.encode(good_payload(role=role), SECRET, algorithm="HS256")
    checked = diagnose(token, secret=TEST_APP_SECRET, sdk_key=KEY, meeting_number=str(MN), now=NOW)
    assert [f.code for f in checked.findings if f.severity == "error"] == ["signature_mismatch"]
    assert checked.verified is False and checked.secret_in_doubt is True
    assert checked.zoom_error is None and checked.as_dict()["secret_in_doubt"] is True
    verdict = checked.verdict
    assert "secret typed here" in verdict and "another app's, a test app's" in verdict
    assert "the signer used another secret" in verdict and "the token may be right" in verdict
    assert "most likely" not in verdict and verdict.count("3712") == 1  # only as what happens if the signer is wrong
    mismatch = next(f for f in checked.findings if f.code == "signature_mismatch")
    assert "the secret typed here may be the wrong one" in mismatch.message
    assert mismatch.fix.startswith("Check the secret typed here first")


def test_the_secret_is_not_in_doubt_when_the_token_itself_is_wrong():
    wrong = "wrong-secret-wrong-secret-wrong-secret"
    expired = sign(good_payload(iat=NOW - 9000, exp=NOW - 1800, tokenExp=NOW - 1800))
    with_whitespace = sign(good_payload(), secret=SECRET + "\n")  # forensics reproduces it
    other_app = sign(good_payload(appKey="AnotherAppsClientId00", sdkKey="AnotherAppsClientId00"), secret=wrong)
    cases = ((expired, wrong, None, None), (with_whitespace, SECRET, None, 3712), (other_app, SECRET, KEY, None))
    for text, secret, sdk_key, zoom_error in cases:  # expired: 3705 or 3712; another app's key: no documented code
        checked = diagnose(text, secret=secret, sdk_key=sdk_key, now=NOW)
        assert checked.has("signature_mismatch") and checked.secret_in_doubt is False
        assert checked.zoom_error == zoom_error and ("most likely" in checked.verdict) == (zoom_error is not None)
    verified = diagnose(official_token(), secret=SECRET, now=NOW)
    assert verified.secret_in_doubt is False and verified.as_dict()["secret_in_doubt"] is False


def test_warnings_alone_give_no_zoom_error():
    checked = diagnose(sign(good_payload(role="1")), now=NOW)
    assert checked.zoom_error is None and checked.verdict.startswith("No error found, but 1 warning")


# ------------------------------------------------------------------------------------ robustness


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "   ",
        12,
        b"\xff\xfe",
        "....",
        "a.b.c",
        "é.é.é",
        "{",
        '{"signature": 5}',
        "[" * 100_000,
        "eyJ" * 50_000,
    ],
)
def test_odd_inputs_give_a_diagnosis_not_an_exception(text):
    checked = diagnose(text, secret="x", sdk_key=5, meeting_number=[], now="soon")
    assert isinstance(checked, Diagnosis) and checked.findings and checked.verdict
    assert "diagnosis_failed" not in checked.codes


def test_deeply_nested_payload_is_invalid_json_not_a_crash():
    token = f"{HEADER_B64}.{base64url_encode(b'[' * 200_000)}.{'A' * 43}"
    assert diagnose(token, now=NOW).has("invalid_json")


def test_as_dict_is_json_serializable():
    checked = diagnose(CASES["expired"][0], secret=SECRET, now=NOW)
    data = json.loads(json.dumps(checked.as_dict()))
    assert data["zoom_error"] == 3705 and {"code", "severity", "step", "message", "fix", "evidence", "bug_id"} <= set(
        data["findings"][0]
    )


def test_the_secret_never_appears_in_findings():
    secret = "a-very-recognizable-secret-value-0123456789"
    for text, context in CASES.values():
        checked = diagnose(text, **{"now": NOW, **context, "secret": secret + "\n"})
        assert secret not in json.dumps(checked.as_dict(), ensure_ascii=False)


@pytest.mark.parametrize(("payload", "valid"), [(b' {"mn": 1} ', True), (b'{"mn": 1}x', False), (b"{} {}", False)])
def test_payload_json_is_read_as_json_parse_reads_it(payload, valid):
    token = f"{HEADER_B64}.{base64url_encode(payload)}.{'A' * 43}"
    assert diagnose(token, now=NOW).has("invalid_json") is not valid


def test_the_finding_to_mistake_table_names_real_codes_steps_and_mistakes():
    assert {code for code, _ in FINDING_BUGS} <= set(FINDING_CODES)
    assert {step for _, step in FINDING_BUGS} <= {*STAGES, None}
    assert set(FINDING_BUGS.values()) <= set(BUGS)


# ------------------------------------------------------------------------------- the secret never passes


@pytest.mark.parametrize(
    ("changes", "header", "code", "claims"),
    [
        ({"appKey": SECRET, "sdkKey": SECRET}, {}, "app_key_is_secret", ["appKey", "sdkKey"]),
        ({"sdkKey": SECRET}, {}, "app_key_is_secret", ["sdkKey"]),
        ({"debug": SECRET}, {}, "secret_in_token", ["debug"]),
        ({"note": f"key={SECRET[5:13]}!"}, {}, "secret_in_token", ["note"]),  # 8 characters in a row
        ({"blob": base64url_encode(SECRET.encode())}, {}, "secret_in_token", ["blob"]),
        ({"nested": {"deeper": [1, {"s": SECRET}]}}, {}, "secret_in_token", ["nested"]),
        ({}, {"kid": SECRET}, "secret_in_token", ["kid"]),
        ({SECRET: 1}, {}, "secret_in_token", [NAMED_WITH_SECRET]),
    ],
    ids=["both-keys", "sdkKey", "claim", "eight-in-a-row", "base64", "nested", "header", "claim-name"],
)
def test_the_secret_in_a_token_is_an_error_even_when_the_signature_verifies(changes, header, code, claims):
    token = sign(good_payload(**changes), header={**HEADER, **header})
    checked = diagnose(token, secret=SECRET, sdk_key=KEY, now=NOW)
    assert checked.verified is True
    [finding] = [f for f in checked.findings if f.code == code]
    assert finding.severity == "error" and finding.evidence["claims"] == claims
    assert "Rotate the secret" in finding.fix and SECRET not in finding.message
    assert not checked.verdict.startswith("Correct")


def test_seven_characters_of_the_secret_are_not_a_leak_and_no_secret_means_no_scan():
    token = sign(good_payload(note=SECRET[5:12]))
    assert not {"secret_in_token", "app_key_is_secret"} & codes(diagnose(token, secret=SECRET, now=NOW))
    assert "secret_in_token" not in codes(diagnose(sign(good_payload(debug=SECRET)), now=NOW))


@pytest.mark.parametrize("pasted_key", [SECRET, f" {SECRET}\n"])
def test_the_secret_in_the_key_claim_is_an_error_when_it_was_also_pasted_as_the_sdk_key(pasted_key):
    """The user pasted the secret into both fields: the key claim then matches the SDK key given, and the
    usual token's shortcut (only claim names and the given key) must not skip the scan."""
    checked = diagnose(sign(good_payload(appKey=SECRET, sdkKey=SECRET)), secret=SECRET, sdk_key=pasted_key, now=NOW)
    assert checked.verified is True and "app_key_mismatch" not in codes(checked)
    [finding] = [f for f in checked.findings if f.code == "app_key_is_secret"]
    assert finding.severity == "error" and SECRET not in finding.message
    assert not checked.verdict.startswith("Correct")


PLACEHOLDER_SECRET = "your-client-secret-goes-here-0123456789"


@pytest.mark.parametrize(
    "key",
    [
        PLACEHOLDER_SECRET,  # the secret itself
        f"{PLACEHOLDER_SECRET}\n",  # the whole secret and more
        PLACEHOLDER_SECRET[:8],  # a piece of it, SECRET_RUN long
        PLACEHOLDER_SECRET[5:30],  # a piece from its middle
        base64url_encode(PLACEHOLDER_SECRET.encode()),  # the secret base64-encoded
    ],
    ids=["whole", "whole-and-more", "eight-of-it", "middle-piece", "base64"],
)
def test_a_key_claim_that_is_the_secret_or_a_piece_of_it_is_the_secret_in_the_key(key):
    checked = diagnose(
        sign(good_payload(appKey=key, sdkKey=key), PLACEHOLDER_SECRET), secret=PLACEHOLDER_SECRET, now=NOW
    )
    [finding] = [f for f in checked.findings if f.code == "app_key_is_secret"]
    assert finding.severity == "error" and finding.evidence["claims"] == ["appKey", "sdkKey"]
    assert "secret_in_token" not in codes(checked)


@pytest.mark.parametrize(
    "key",
    [
        "your-client-id-goes-here",  # shares "your-client-" (12 in a row) with the secret, no SDK key given
        "xyour-client-secret",  # shares 18 in a row, but is not within the secret
        PLACEHOLDER_SECRET[:7],  # seven characters of it: no run
    ],
    ids=["placeholders", "long-shared-run", "seven"],
)
def test_a_key_claim_that_only_shares_characters_with_the_secret_is_not_the_secret(key):
    """A Client ID is public: a run it shares with the secret (placeholder credentials) shows nothing new, and
    "key and secret are swapped" would be a confident wrong answer."""
    checked = diagnose(
        sign(good_payload(appKey=key, sdkKey=key), PLACEHOLDER_SECRET), secret=PLACEHOLDER_SECRET, now=NOW
    )
    assert not {"app_key_is_secret", "secret_in_token"} & codes(checked)
    assert checked.verdict.startswith("Correct")


def test_a_shared_run_in_any_other_claim_is_still_the_secret_in_the_token():
    checked = diagnose(
        sign(good_payload(note="your-client-id-goes-here"), PLACEHOLDER_SECRET), secret=PLACEHOLDER_SECRET, now=NOW
    )
    assert "secret_in_token" in codes(checked) and "app_key_is_secret" not in codes(checked)


def test_a_key_that_is_not_the_given_one_is_a_mismatch_even_when_it_verifies():
    checked = diagnose(sign(good_payload(appKey=SECRET, sdkKey=SECRET)), secret=SECRET, sdk_key=KEY, now=NOW)
    assert {"app_key_is_secret", "app_key_mismatch", "signature_valid"} <= codes(checked)


# ------------------------------------------------------------------------------ other tokens, old formats


@pytest.mark.parametrize(
    ("header", "payload", "kind"),
    [
        ({}, {"iss": "JwtAppApiKey0123", "exp": NOW + 3600}, "rest_api_jwt"),
        ({}, {"app_key": KEY, "role_type": 2, "iat": NOW, "exp": NOW + 7200}, "cobrowse_sdk"),
        (
            {"alg": "HS512", "v": "2.0"},
            {"aud": "https://oauth.zoom.us", "iss": "zm:cid:abc", "exp": NOW + 3600},
            "oauth_access_token",
        ),
        ({"zm_skm": "zm_o2m"}, {"aud": "clientsm", "uid": "u", "iss": "web", "exp": NOW + 7200}, "zak_or_obf"),
        ({"zm_skm": "zm_o2m"}, {"uid": "u", "iss": "web", "exp": NOW + 7200}, "zak_or_obf"),  # header marker alone
        ({}, {"aud": "clientsm", "uid": "u", "iss": "web", "exp": NOW + 7200}, "zak_or_obf"),  # audience alone
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_other_zoom_tokens_are_named_before_the_claims_they_lack(header, payload, kind):
    checked = diagnose(sign(payload, header={**HEADER, **header}), now=NOW)
    [finding] = [f for f in checked.findings if f.code == "wrong_token_kind"]
    assert finding.evidence == {"kind": kind} and finding.fix
    assert checked.codes.index("wrong_token_kind") < checked.codes.index("missing_mn")
    # most other kinds carry no appKey, which SDK 6.2.0 refuses in the browser: no Zoom error is predicted
    assert checked.zoom_error is None and "Another kind of Zoom token" in checked.verdict


@pytest.mark.parametrize(
    "payload",
    [good_payload(iss="my-backend"), good_payload(aud="x", iss="y"), good_payload(appKey=DROP, sdkKey="k", iss="a")],
)
def test_a_meeting_sdk_signature_with_extra_claims_is_not_another_kind(payload):
    assert "wrong_token_kind" not in codes(diagnose(sign(payload), now=NOW))


def legacy(fields, *, encode=base64.b64encode):
    return encode(".".join(fields).encode()).decode()


MAC_B64 = base64.b64encode(b"\x01" * 32).decode()
MAC_HEX = (b"\x01" * 32).hex()


@pytest.mark.parametrize(
    ("text", "fields", "encoding"),
    [
        (legacy([KEY, str(MN), "1700000000000", "0", MAC_B64]), 5, "base64"),
        (
            legacy([KEY, str(MN), "1700000000000", "0", MAC_B64], encode=base64.urlsafe_b64encode).rstrip("="),
            5,
            "base64",
        ),
        (legacy([KEY, "857 4606 5432", "1700000000", "1", MAC_B64]), 5, "base64"),
        (legacy([KEY, "", "1700000000", "0", MAC_B64]), 5, "base64"),
        (legacy([KEY, str(MN), "1700000000", "1700007200", "0", MAC_B64]), 6, "base64"),
        (legacy([KEY, str(MN), "1700000000", "0", MAC_HEX]), 5, "hex"),
        (".".join([KEY, str(MN), "1700000000", "0", MAC_B64]), 5, "base64"),  # pasted decoded
        (".".join([KEY, str(MN), "1700000000", "1700007200", "1", MAC_HEX]), 6, "hex"),
    ],
    ids=["classic", "base64url-unpadded", "spaced-mn", "empty-mn", "with-exp", "hex-hash", "decoded", "decoded-6"],
)
def test_the_old_format_in_its_published_shapes(text, fields, encoding):
    checked = diagnose(text, now=NOW)
    [finding] = [f for f in checked.findings if f.code == "legacy_signature_format"]
    assert len(finding.evidence["fields"]) == fields and finding.evidence["hash_encoding"] == encoding
    assert "malformed_token" not in checked.codes


@pytest.mark.parametrize(
    "fields",
    [
        [KEY, "85746O65432", "1700000000", "0", MAC_B64],
        [KEY, str(MN), "1700000000", "2", MAC_B64],
        [KEY, str(MN), "x", "0", MAC_B64],
    ],
)
def test_near_misses_of_the_old_format_are_not_it(fields):
    assert "legacy_signature_format" not in codes(diagnose(legacy(fields), now=NOW))


def test_a_secret_shorter_than_the_run_counts_when_it_is_there_whole():
    short = "x7Q!z"  # too short for 8 characters in a row: only the whole secret counts
    checked = diagnose(sign(good_payload(note=f"made with {short}")), secret=short, now=NOW)
    assert [f.evidence["claims"] for f in checked.findings if f.code == "secret_in_token"] == [["note"]]
    assert "secret_in_token" not in codes(diagnose(sign(good_payload(note="made with x7Q!")), secret=short, now=NOW))
