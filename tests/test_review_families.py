"""The Code doctor on the three token families (issue 20): a native Meeting SDK signer and a Video SDK signer are
judged by their own claims, each Video SDK limit is tested below, at and above, the family the user states is
checked against the payload's, and `review` says which family it judged."""

import pytest

from lib.doctor.diagnosis import diagnose
from lib.review import ReviewInputError, review_code
from lib.review.rules.video_claims import KEY_MAX_CHARS, TPC_MAX_CHARS
from support.cli import run_cli
from support.doctor_cases import NOW, native_payload, sign
from support.paths import DATA

NATIVE = """const { KJUR } = require('jsrsasign')
function initToken(key, secret) {
  const iat = Math.floor(Date.now() / 1000)
  const exp = iat + 7200
  const payload = { appKey: key, sdkKey: key, iat, exp, tokenExp: exp }
  return KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), secret)
}
"""

VIDEO = """import time
import jwt


def video_token(key, secret, topic):
    iat = int(time.time())
    payload = {"app_key": key, "tpc": TOPIC, "role_type": ROLE, "version": 1, "iat": iat, "exp": iat + 7200EXTRA}
    return jwt.encode(payload, secret, algorithm="HS256")
"""


def video(topic="topic", role="1", extra=""):
    return VIDEO.replace("TOPIC", topic).replace("ROLE", role).replace("EXTRA", extra)


def errors(review):
    return [f.code for f in review.findings if f.severity == "error"]


def test_a_native_signer_is_no_error_and_is_judged_native_with_the_token_doctors_note():
    review = review_code(NATIVE)
    assert review.token_family == "meeting_native"
    assert review.codes == ["meeting_native_assumed"] and review.verdict == "No known mistake found in this code."
    [note] = review.findings
    assert (note.severity, note.line) == ("info", 5)
    token = sign(native_payload())  # the same payload as a token: the Token doctor's finding, word for word
    [said] = [f for f in diagnose(token, now=NOW).findings if f.code == "meeting_native_assumed"]
    assert (note.message, note.fix, note.severity) == (said.message, said.fix, said.severity)


def test_a_native_signer_is_noted_only_when_no_sdk_is_named():
    assert review_code(NATIVE, sdk="native").codes == []
    assert "meeting_native_assumed" not in review_code(NATIVE, sdk="web").codes
    assert (
        "meeting_native_assumed"
        not in review_code(NATIVE.replace("iat, exp,", "mn: 85746065432, role: 0, iat, exp,")).codes
    )
    assert "meeting_native_assumed" not in review_code(NATIVE.replace("{ appKey", "{ ...base, appKey")).codes


def test_a_native_signer_said_to_be_for_the_web_lacks_mn_and_role():
    review = review_code(NATIVE, sdk="web")
    assert review.token_family == "meeting_web"
    assert sorted(errors(review)) == ["missing_mn", "missing_role"]
    assert review_code(NATIVE, sdk="native").codes == []


def test_a_native_signer_without_token_exp_gets_the_rule_books_missing_token_exp():
    review = review_code(NATIVE.replace(", tokenExp: exp", ""), sdk="native")
    assert review.codes == ["missing_token_exp"] and review.findings[0].severity == "warning"


def test_a_correct_video_signer_is_no_error_and_is_judged_video():
    review = review_code(video())
    assert review.token_family == "video"
    assert review.codes == []


@pytest.mark.parametrize(("sdk", "code"), [("web", "wrong_token_kind"), ("native", "wrong_token_kind")])
def test_a_video_signer_said_to_be_for_a_meeting_sdk_is_the_wrong_kind(sdk, code):
    review = review_code(video(), sdk=sdk)
    assert review.codes == [code] and review.token_family == "video"
    assert "Video SDK" in review.findings[0].message


def test_a_meeting_signer_said_to_be_for_the_video_sdk_is_the_wrong_kind():
    assert review_code(NATIVE, sdk="video").codes == ["wrong_token_kind"]


def test_an_unknown_sdk_is_refused_with_what_to_give():
    with pytest.raises(ReviewInputError, match="web, native or video"):
        review_code(NATIVE, sdk="android")


@pytest.mark.parametrize(
    ("length", "found"), [(TPC_MAX_CHARS - 1, []), (TPC_MAX_CHARS, []), (TPC_MAX_CHARS + 1, ["tpc_too_long"])]
)
def test_tpc_below_at_and_above_its_limit(length, found):
    assert review_code(video(topic=repr("t" * length))).codes == found


@pytest.mark.parametrize(
    ("text", "found"),
    [("😀" * 99 + "a", []), ("😀" * 100, []), ("😀" * 100 + "a", ["tpc_too_long"])],
    ids=["199", "200", "201"],
)
def test_tpc_is_counted_in_utf16_units_as_the_rule_book_and_javascript_count(text, found):
    """An emoji is two UTF-16 units (JavaScript's .length, the rule book's js_length): 100 of them and a letter
    are 201, over the limit, though Python's len says 101."""
    assert review_code(video(topic=repr(text))).codes == found


@pytest.mark.parametrize("claim", ["user_key", "user_identity", "session_key"])
@pytest.mark.parametrize("length", [KEY_MAX_CHARS - 1, KEY_MAX_CHARS, KEY_MAX_CHARS + 1])
def test_user_key_and_session_key_below_at_and_above_their_limit(claim, length):
    code = "session_key_too_long" if claim == "session_key" else "user_key_too_long"
    found = review_code(video(extra=f', "{claim}": {"k" * length!r}')).codes
    assert found == ([code] if length > KEY_MAX_CHARS else [])


@pytest.mark.parametrize(
    ("role", "found"),
    [("0", []), ("1", []), ("2", ["role_type_out_of_range"]), ("-1", ["role_type_out_of_range"])]
    + [('"1"', ["role_type_not_number"]), ("str(1)", ["role_type_not_number"]), ("int(role)", [])],
)
def test_role_type_must_be_the_number_0_or_1(role, found):
    assert review_code(video(role=role)).codes == found


@pytest.mark.parametrize(("topic", "found"), [('""', ["missing_tpc"]), ('"t"', []), ("topic", [])])
def test_an_empty_tpc_is_missing_as_in_the_rule_book(topic, found):
    """The rule book counts an empty tpc as missing (the Video SDK needs the session name); so does review."""
    assert review_code(video(topic=topic)).codes == found


def test_the_missing_video_claims_are_each_named():
    text = video().replace('"tpc": topic, ', "").replace('"role_type": 1, ', "").replace('"version": 1, ', "")
    assert sorted(review_code(text).codes) == ["missing_role_type", "missing_tpc", "missing_version"]
    severities = {f.code: f.severity for f in review_code(text).findings}
    assert severities["missing_version"] == "warning" and severities["missing_tpc"] == "error"


def test_the_command_line_review_says_the_token_family():
    process, outputs = run_cli("review", [{"code": NATIVE}, {"code": video()}, {"code": "x = 1"}])
    assert process.returncode == 0, process.stderr
    assert [o["token_family"] for o in outputs] == ["meeting_native", "video", None]


def test_a_video_signers_role_from_the_request_is_role_type_not_number_and_not_the_meeting_sdks_code():
    text = (DATA / "review" / "rules" / "video_claims" / "express_role.js").read_text()
    assert [(f.line, f.code) for f in review_code(text).findings] == [(4, "role_type_not_number")]


@pytest.mark.parametrize(
    ("encoder", "shown"),
    [("urllib.parse.quote(topic)", "Cool%20Cars"), ("urllib.parse.quote_plus(topic)", "Cool+Cars"), ("topic", None)],
)
def test_a_url_encoded_tpc_is_the_session_name_mismatch_with_what_the_name_becomes(encoder, shown):
    """Zoom compares tpc with the session name passed to join() ignoring case only (the fact base): encoding turns
    a space into %20 or +, so the token names another session."""
    review = review_code(video(topic=encoder))
    found = [f for f in review.findings if f.code == "tpc_mismatch"]
    if shown is None:
        assert found == [] and review.codes == []
        return
    [finding] = found
    assert (finding.severity, finding.line, finding.bug_id) == ("error", 7, "tpc_not_session_name")
    assert f'"Cool Cars" becomes "{shown}"' in finding.message and "join()" in finding.fix


def test_the_command_line_review_notes_a_native_signer_unless_its_sdk_is_named():
    lines = [{"code": NATIVE}, {"code": NATIVE, "sdk": "web"}, {"code": NATIVE, "sdk": "native"}]
    process, outputs = run_cli("review", lines)
    assert process.returncode == 0, process.stderr
    found = [sorted((f["code"], f["severity"]) for f in o["findings"]) for o in outputs]
    assert found == [
        [("meeting_native_assumed", "info")],
        [("missing_mn", "error"), ("missing_role", "error")],
        [],
    ]
    assert [o["token_family"] for o in outputs] == ["meeting_native", "meeting_web", "meeting_native"]
