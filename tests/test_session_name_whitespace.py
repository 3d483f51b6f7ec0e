"""A Video SDK session name (tpc) of whitespace only, or with whitespace around it (issue 20): Zoom's auth page says
tpc must match the join's session name ignoring case, the Web Video SDK sends the topic untrimmed and refuses only an
empty one, and what Zoom does with a blank one is not documented (docs/zoom-signature-facts.md). So: a warning,
`tpc_whitespace`, with no predicted error, through the rule book, `diagnose` and `sign` (the builder page:
tests/test_builder_families.py); and a tpc
that differs from the joined session name only in that whitespace is `tpc_mismatch`, saying so."""

import time

import jwt
import pytest

from lib.doctor.diagnosis import diagnose
from support.cli import run_cli
from support.family_tokens import family_token

SECRET = "session-name-test-secret-0123456789-abcdef"
KEY = "SessionNameKey0123456"


@pytest.mark.parametrize(
    ("tpc", "found"),
    [
        ("Cool Cars", None),
        ("Cool  Cars", None),  # inside the name, spaces are the name's own
        (" Cool Cars", "around"),
        ("Cool Cars ", "around"),
        ("\tCool Cars\n", "around"),
        ("\u00a0Cool Cars", "around"),  # a no-break space, as pasted from a web page
        (" ", "blank"),
        ("   ", "blank"),
        ("\u3000", "blank"),  # an ideographic space
    ],
)
def test_whitespace_around_or_instead_of_the_session_name_is_a_warning_without_a_prediction(tpc, found):
    checked = diagnose(family_token("video", session_name=tpc), now=int(time.time()))
    assert checked.token_family == "video" and checked.severity_count("error") == 0
    warned = [f for f in checked.findings if f.code == "tpc_whitespace"]
    if found is None:
        assert not warned
        return
    [finding] = warned
    assert finding.severity == "warning" and finding.evidence["claims"] == ["tpc"]
    assert checked.zoom_error is None and checked.platform_errors == []  # no source names Zoom's answer
    if found == "blank":
        assert "whitespace only" in finding.message and "not documented" in finding.message
    else:
        assert "whitespace around the name" in finding.message and "join() must pass the same spaces" in finding.message
    assert checked.verdict.startswith("No error found, but 1 warning: tpc blank or with spaces around it")


def test_an_empty_tpc_is_the_missing_session_name_said_as_empty():
    [finding] = [f for f in diagnose(family_token("video", session_name="")).findings if f.code == "missing_tpc"]
    assert finding.severity == "error" and finding.message.startswith("tpc is empty;")


@pytest.mark.parametrize(
    ("tpc", "session_name", "only_spaces"),
    [
        ("Cool Cars ", "Cool Cars", True),
        (" cool cars", "Cool Cars", True),  # case and whitespace
        ("Cool Cars", "  Cool Cars", True),  # the spaces on the join's side
        ("Cool Cars", "Cool Bikes", False),
    ],
)
def test_a_tpc_that_differs_from_the_session_name_only_in_whitespace_is_a_mismatch_that_says_so(
    tpc, session_name, only_spaces
):
    checked = diagnose(family_token("video", session_name=tpc), session_name=session_name)
    [finding] = [f for f in checked.findings if f.code == "tpc_mismatch"]
    assert finding.severity == "error"
    assert ("differ only in the whitespace around the name" in finding.message) is only_spaces


def test_the_same_spaces_on_both_sides_are_no_mismatch():
    checked = diagnose(family_token("video", session_name="Cool Cars "), session_name="cool cars ")
    assert "tpc_mismatch" not in checked.codes and "tpc_whitespace" in checked.codes


@pytest.mark.parametrize("session_name", ["   ", " Cool Cars "])
def test_sign_signs_the_session_name_as_given_and_warns(session_name):
    record = {"sdk": "video", "sdkKey": KEY, "sdkSecret": SECRET, "sessionName": session_name, "role": 1}
    process, [signed] = run_cli("sign", [record])
    assert process.returncode == 0, process.stderr
    claims = jwt.decode(signed["token"], SECRET, algorithms=["HS256"])  # PyJWT: signed, tpc not trimmed
    assert claims["tpc"] == session_name
    [warning] = [w for w in signed["warnings"] if w["code"] == "tpc_whitespace"]
    assert warning["severity"] == "warning" and warning["field"] == "sessionName" and warning["fix"]
