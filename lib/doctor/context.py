"""The token against what the user entered: the secret must appear nowhere in it, the key and the meeting
number must be the ones given."""

from lib.doctor.findings import add_finding, breach_finding
from lib.signing.secret_scan import only_names_and_key, secret_breaches
from lib.zoom.facts import HEADER
from lib.zoom.meeting_number import normalize_meeting_number
from lib.zoom.rules import cut, mn_digits


def context_meeting_number(findings, meeting_number):
    if meeting_number is None or meeting_number == "":
        return None
    result = normalize_meeting_number(str(meeting_number))
    if result.digits is None:
        add_finding(
            findings,
            "meeting_number_unreadable",
            "context",
            f"The meeting number you entered is not usable, so mn is not compared: {result.error}",
            "",
        )
    return result.digits


def check_context(findings, header, payload, context_key, context_mn, secret, payload_json=None, session_name=None):
    # the usual token (standard header, no string but the claim names and the user's key) is not looked into
    if secret and not (
        context_key != secret
        and payload_json is not None
        and header == HEADER
        and only_names_and_key(payload, payload_json, context_key)
    ):
        findings += map(breach_finding, secret_breaches(header, payload, secret, context_key))
    app_key = payload.get("appKey") or payload.get("sdkKey") or payload.get("app_key")
    if context_key and app_key != context_key and isinstance(app_key, str):
        if not any(f.code == "app_key_is_meeting_number" for f in findings):
            add_finding(
                findings,
                "app_key_mismatch",
                "context",
                "The token's appKey is not the SDK key you entered: the token was made with another app's "
                "credentials (a Server-to-Server OAuth or other non-Meeting-SDK app, or dev and prod mixed up), or "
                "something else was put in the key claim.",
                "Sign with the Client ID and Client Secret of the same Meeting SDK app.",
                claims=["appKey"],
                token_key_length=len(app_key),
            )
    if context_mn:
        _check_meeting(findings, payload, context_mn)
    if session_name is not None:
        _check_session(findings, payload, session_name)


def _check_session(findings, payload, session_name):
    """The Video SDK compares the token's tpc with the session name given to join(), ignoring case."""
    tpc = payload.get("tpc")
    if isinstance(tpc, str) and tpc and tpc.lower() != session_name.lower():
        spaces = (
            " They differ only in the whitespace around the name, which no source says Zoom ignores (the Web Video "
            "SDK sends the topic untrimmed)."
            if tpc.strip().lower() == session_name.strip().lower()
            else ""
        )
        add_finding(
            findings,
            "tpc_mismatch",
            "context",
            f"The token's tpc is {cut(repr(tpc))} but you join the session {cut(repr(session_name))}: the Video SDK "
            f"compares them (ignoring case) and refuses a token for another session.{spaces}",
            "Sign the token with tpc equal to the session name you pass to join() (the topic).",
            claims=["tpc"],
        )


def _check_meeting(findings, payload, context_mn):
    digits = mn_digits(payload)
    if digits and context_mn != digits:
        add_finding(
            findings,
            "mn_mismatch",
            "context",
            f"The token is for meeting {cut(digits)} but you will join {cut(context_mn)}: the signature is "
            "bound to one meeting number.",
            "Sign a token with mn equal to the meetingNumber you pass to join().",
            claims=["mn"],
        )
