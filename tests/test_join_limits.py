"""The join page's own checks at their limits: the role signed as a string against the role chosen on the
page, and the passcode and display-name lengths just below, at and just above Zoom's limits, with
spaces around them (the checks count what is sent, after trimming)."""

import pytest

from lib.join.plan import JoinForm, plan_join
from lib.signing.steps import SignatureRequest, build_signature_steps
from lib.zoom.facts import DEMO_MEETING_NUMBER

NOW = 1_800_000_000
SECRET = "join-limits-test-secret-0123456789-abcdefgh"


def token_signed_with_role(role):
    """`role` keeps its JSON type: "1" is signed as a string."""
    request = SignatureRequest("UnitKey0123", SECRET, DEMO_MEETING_NUMBER, role, NOW, NOW + 7200)
    return build_signature_steps(request).token


def plan(**values):
    defaults = {"token": token_signed_with_role(0), "meeting_number": DEMO_MEETING_NUMBER, "user_name": "Ada"}
    return plan_join(JoinForm(**(defaults | values)), NOW)


def problem_codes(joined):
    return [p.code for p in joined.problems]


# ---------------------------------------------------------------------------------------- role


@pytest.mark.parametrize("chosen", [0, 1], ids=["chose-0", "chose-1"])
@pytest.mark.parametrize("signed", ["0", "1", 0, 1], ids=["string-0", "string-1", "number-0", "number-1"])
def test_the_signed_role_must_be_the_chosen_one_whatever_its_json_type(signed, chosen):
    joined = plan(token=token_signed_with_role(signed), role=chosen)
    assert joined.diagnosis.payload["role"] == signed  # the token really carries that type
    differs = [p for p in joined.problems if p.code == "role_differs"]
    if int(signed) == chosen:
        assert differs == []
    else:
        assert joined.blocked and len(differs) == 1 and differs[0].severity == "error"
        assert repr(signed) in differs[0].message and f"sign a new one with role {chosen}" in differs[0].message


@pytest.mark.parametrize("chosen", [-1, 2], ids=["minus-1", "2"])
def test_the_page_offers_only_roles_0_and_1(chosen):
    joined = plan(role=chosen)
    assert joined.blocked and "role_invalid" in problem_codes(joined)


# ------------------------------------------------------------------------------------ passcode


@pytest.mark.parametrize(
    "passcode, too_long, trimmed",
    [
        pytest.param("p" * 31, False, False, id="31-below"),
        pytest.param("p" * 32, False, False, id="32-at"),
        pytest.param("p" * 33, True, False, id="33-above"),
        pytest.param(" " + "p" * 32 + " ", False, True, id="32-with-spaces-around"),
        pytest.param("\t" + "p" * 31 + "\n", False, True, id="31-with-tab-and-newline-around"),
        pytest.param(" " + "p" * 33 + " ", True, True, id="33-with-spaces-around"),
    ],
)
def test_the_passcode_length_limit_counts_the_trimmed_passcode(passcode, too_long, trimmed):
    joined = plan(passcode=passcode)
    codes = problem_codes(joined)
    assert ("passcode_too_long" in codes) is too_long
    assert ("passcode_trimmed" in codes) is trimmed
    # a warning, not a refusal: the passcode is sent trimmed and Zoom decides
    assert not joined.blocked and joined.options["password"] == passcode.strip()


def test_the_long_passcode_warning_says_the_limit():
    joined = plan(passcode="p" * 33)
    warning = next(p for p in joined.problems if p.code == "passcode_too_long")
    assert warning.severity == "warning" and "32" in warning.message and warning.field == "password"


# ---------------------------------------------------------------------------------- user name


@pytest.mark.parametrize(
    "user_name, too_long",
    [
        pytest.param("n" * 127, False, id="127-below"),
        pytest.param("n" * 128, False, id="128-at"),
        pytest.param("n" * 129, True, id="129-above"),
        pytest.param("  " + "n" * 128 + "  ", False, id="128-with-spaces-around"),
        pytest.param(" " + "n" * 129 + " ", True, id="129-with-spaces-around"),
    ],
)
def test_the_display_name_length_limit_counts_the_trimmed_name(user_name, too_long):
    joined = plan(user_name=user_name)
    assert ("name_too_long" in problem_codes(joined)) is too_long
    assert joined.blocked is too_long
    if too_long:
        problem = next(p for p in joined.problems if p.code == "name_too_long")
        assert problem.severity == "error" and "129" in problem.message and "128" in problem.message
    else:
        assert joined.options["userName"] == user_name.strip()
