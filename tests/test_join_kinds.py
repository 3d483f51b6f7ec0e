"""The join page takes Meeting SDK signatures only (issue 20): a token of another kind (a Video SDK token, an OAuth
access token, a ZAK, a REST API JWT, a Cobrowse token) is never sent, not even with "send anyway", and never put
into the page; a native Meeting SDK token is a Meeting SDK signature that lacks the mn and role the Web SDK needs,
stopped like any token with errors and sent when the user asks to see Zoom's answer. Through lib.join.plan and
lib.present.join, then the page through AppTest."""

import json
import time

import jwt
import pytest

from lib.join.plan import OTHER_KIND, JoinForm, component_data, plan_join
from lib.present.join import pre_join_notes, stopped_token_doctor_state
from lib.widget_keys import INSPECTOR, JOIN
from support import pages
from support.apptest import open_app_page
from support.family_tokens import family_token

MEETING = "85746065432"
ISSUER_SECRET = "zoom-issued-token-test-key-0123456789abcdefghijklmnopqrstuvwxyz!"  # 64 bytes: HS512 wants them


def oauth_access_token(now):
    """The shape of a Zoom OAuth access token as issued by zoom.us/oauth/token (HS512, iss zm:cid:…)."""
    header = {"sv": "000001", "alg": "HS512", "v": "2.0", "kid": "kid-0123"}
    payload = {
        "aud": "https://oauth.zoom.us",
        "uid": "user-abc",
        "ver": 10,
        "auid": "auid-0123",
        "nbf": now,
        "code": "code-0123",
        "iss": "zm:cid:ClientId0123",
        "gno": 0,
        "exp": now + 3600,
        "type": 3,
        "iat": now,
        "aid": "account-0123",
    }
    return jwt.encode(payload, ISSUER_SECRET, algorithm="HS512", headers=header)


def zak(now):
    """The shape of a ZAK from GET /users/me/token?type=zak (header zm_skm, audience clientsm)."""
    header = {"typ": "JWT", "sv": "000001", "zm_skm": "zm_o2m", "alg": "HS256"}
    payload = {"aud": "clientsm", "uid": "user-abc", "iss": "web", "sk": "0", "sty": 100, "wcd": "us05", "clt": 0}
    claims = {**payload, "mnum": MEETING, "exp": now + 7200, "iat": now, "aid": "a", "cid": ""}
    return jwt.encode(claims, ISSUER_SECRET, headers=header)


def rest_api_jwt(now):
    return jwt.encode({"iss": "JwtAppApiKey0123", "exp": now + 3600}, ISSUER_SECRET)


def cobrowse_token(now):
    payload = {"user_id": "u-1", "app_key": "CobrowseKey0123", "role_type": 2, "user_name": "Agent", "iat": now}
    return jwt.encode({**payload, "exp": now + 7200}, ISSUER_SECRET)


OTHER_KINDS = {  # kind id -> (token maker, what the stop note must name: what it is, and where it belongs)
    "video_sdk": (lambda now: family_token("video"), "a Video SDK token", "the Video SDK's join()"),
    "oauth_access_token": (oauth_access_token, "an OAuth access token", "'Authorization: Bearer'"),
    "zak_or_obf": (zak, "a ZAK or OBF token", "Pass it as join()'s zak (or obfToken)"),
    "rest_api_jwt": (rest_api_jwt, "a JWT app token for Zoom's REST API", "Sign a Meeting SDK signature"),
    "cobrowse_sdk": (cobrowse_token, "a Cobrowse SDK token", "Sign a Meeting SDK signature"),
}


def plan_for(token, send_anyway):
    form = JoinForm(token=token, meeting_number=MEETING, user_name="Ada", send_anyway=send_anyway)
    return plan_join(form, int(time.time()))


def shown_text(notes):
    """The notes as a reader sees them: Markdown's backslash escapes removed."""
    return "\n".join(text for _, text in notes).replace("\\", "")


@pytest.mark.parametrize("send_anyway", [False, True], ids=["checks", "send-anyway"])
@pytest.mark.parametrize("kind", OTHER_KINDS)
def test_a_token_of_another_kind_is_never_sent_and_the_stop_says_what_it_is_and_where_it_belongs(kind, send_anyway):
    make, name, belongs = OTHER_KINDS[kind]
    token = make(int(time.time()))
    plan = plan_for(token, send_anyway)
    assert plan.blocked and plan.options is None
    assert plan.other_kind.code == OTHER_KIND and plan.other_kind.evidence["kind"] == kind
    with pytest.raises(ValueError):
        component_data(plan, "nonce")  # nothing for the browser
    notes = pre_join_notes(plan)
    level, stop = notes[-1]
    assert level == "error" and stop.startswith(
        "**Not sent to Zoom\\: another kind of Zoom token** (`wrong_token_kind`)"
    )
    said = shown_text([notes[-1]])
    assert f"This is {name}" in said and belongs in said and f"**Fix:** {plan.other_kind.fix}" in said
    assert "not even with *Send the token to Zoom even if the checks find mistakes*" in said
    assert "Sent to Zoom" not in shown_text(notes) and "tick" not in shown_text(notes)  # no false hope
    assert sum(OTHER_KIND in text for _, text in notes) == 1  # the stop replaces the finding's own card
    # and stands alone: the claim checks judge it as what it is not (an OAuth access token told to add mn)
    others = {f.code for f in plan.diagnosis.findings if f.severity != "info"} - {OTHER_KIND}
    assert not any(f"(`{code}`)" in text for code in others for _, text in notes)
    assert others or kind == "video_sdk"  # a valid Video SDK token has no others to leave out
    assert all(token not in text and token.split(".")[2] not in text for _, text in notes)


@pytest.mark.parametrize("kind", OTHER_KINDS)
def test_only_a_video_sdk_token_is_offered_to_the_token_doctor_the_other_kinds_may_be_credentials(kind):
    make, _, _ = OTHER_KINDS[kind]
    token = make(int(time.time()))
    state = stopped_token_doctor_state(plan_for(token, send_anyway=True))
    if kind == "video_sdk":  # its own SDK's rules judge it there
        assert state is not None and token in state.values() and "video" in state.values()
    else:
        assert state is None


def test_a_native_token_is_a_meeting_sdk_signature_without_mn_and_role_sent_only_anyway():
    """The Web SDK needs mn and role (the fact base: "Required if generating a web JWT, optional for native"); a
    native token lacks both. It is not another kind: the Web SDK reads its appKey and Zoom answers it, so it is
    stopped with the rule book's errors, and sent when the user asks to see that answer (none is predicted)."""
    token = family_token("meeting_native")
    checked = plan_for(token, send_anyway=False)
    assert checked.blocked and checked.other_kind is None
    assert {"missing_mn", "missing_role"} <= set(checked.diagnosis.codes)
    assert checked.diagnosis.zoom_error is None  # no source names Zoom's answer to a web join without mn
    assert "tick *Send the token to Zoom" in shown_text(pre_join_notes(checked))
    assert stopped_token_doctor_state(checked)[INSPECTOR["sdk"]] == "web"
    sent = plan_for(token, send_anyway=True)
    assert not sent.blocked and sent.options["signature"] == token and sent.options["meetingNumber"] == MEETING
    notes = shown_text(pre_join_notes(sent))
    assert (
        "Sent to Zoom although the checks found mistakes" in notes and "A token of the Meeting SDK for native" in notes
    )
    assert json.dumps(component_data(sent, "nonce")).count(token) == 1


# ---------------------------------------------------------------------------------------------- the page


def page_with(token, send_anyway):
    at = open_app_page(pages.JOIN.path, timeout=60)
    at.text_area(key=JOIN["token"]).set_value(token)
    at.text_input(key=JOIN["meeting_number"]).set_value(MEETING)
    at.checkbox(key=JOIN["send_anyway"]).set_value(send_anyway)
    at.button(key=JOIN["submit"]).click().run()
    assert not at.exception, at.exception
    return at


def meeting_frames(at):
    return [e for e in at.main if getattr(e, "type", "") == "bidi_component"]


def page_output(at):
    """Everything the page sends to the browser (the token box's typed value stays in the browser)."""
    return "\n".join(str(e.proto) for e in at.main)


@pytest.mark.parametrize("kind", ["video_sdk", "oauth_access_token"])
def test_the_page_stops_a_token_of_another_kind_with_and_without_send_anyway_and_never_shows_it(kind):
    make, name, belongs = OTHER_KINDS[kind]
    token = make(int(time.time()))
    for send_anyway in (False, True):
        at = page_with(token, send_anyway)
        assert at.session_state[JOIN["attempt"]]["plan"].blocked and not meeting_frames(at)  # no SDK loaded
        [stop] = [box.value.replace("\\", "") for box in at.error if box.value.startswith("**Not sent to Zoom")]
        assert f"This is {name}" in stop and belongs in stop and "not even with *Send the token" in stop
        output = page_output(at)
        assert token not in output and token.split(".")[2] not in output and token.split(".")[1] not in output
        offered = [b for b in at.button if b.key == JOIN["inspect"]]
        assert len(offered) == (kind == "video_sdk")  # a credential is not handed to another page


def test_the_page_sends_a_native_token_only_when_asked_to():
    token = family_token("meeting_native")
    stopped = page_with(token, send_anyway=False)
    assert not meeting_frames(stopped) and any("tick *Send the token" in b.value for b in stopped.error)
    sent = page_with(token, send_anyway=True)
    [frame] = meeting_frames(sent)
    assert json.loads(frame.proto.json)["config"]["join"]["signature"] == token
    assert any("Sent to Zoom although the checks found mistakes" in box.value for box in sent.warning)
