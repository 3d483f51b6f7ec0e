"""The buggy signer: signs a request with any set of the catalogue's mistakes switched on, and its presets.

`sign_with_bugs(request, ids)` returns every step, so the buggy-vs-correct page can put it next to the
correct signer's. It hashes with CryptoJS.HmacSHA256, as the forum snippet does: for a string secret
that is byte for byte what the correct signer does; a non-string secret (the argument shift) throws
exactly as crypto-js throws.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace

from lib.javascript.forum import BuggySteps, JsError, cryptojs_hmac_sha256, forum_call, forum_signature, js_btoa
from lib.mistakes.catalogue import BUGS, EXCLUSIVE, REQUEST_STAGES
from lib.signing.encoding import base64url_encode
from lib.signing.jsjson import json_stringify
from lib.signing.steps import SignatureRequest, build_header, build_payload, encode_segment, hmac_sha256


class BugSelectionError(ValueError):
    """Unknown ids, or switches that cannot be on together."""


def check_bug_ids(bug_ids) -> frozenset:
    """The selection as a set, or BugSelectionError saying what to change."""
    if isinstance(bug_ids, str) or not all(isinstance(i, str) for i in bug_ids):
        raise BugSelectionError('give the bugs as a list of catalogue ids, e.g. ["mac_only"]')
    unknown = sorted(set(bug_ids) - BUGS.keys())
    if unknown:
        raise BugSelectionError(f"unknown bug id(s) {', '.join(unknown)}; known ids: {', '.join(BUGS)}")
    selected = frozenset(bug_ids)
    for group in EXCLUSIVE:
        if group <= selected:
            raise BugSelectionError(f"{' and '.join(sorted(group))} cannot be on together: pick one")
    return selected


# The mistakes that change the request, in the order the buggy signer applies them (catalogue order within a stage).
REQUEST_ORDER = tuple(
    bug.id
    for bug in sorted(
        (bug for bug in BUGS.values() if bug.alter_request), key=lambda bug: REQUEST_STAGES.index(bug.request_stage)
    )
)


def buggy_request(request: SignatureRequest, bug_ids) -> tuple[SignatureRequest, list[str]]:
    """Apply the selected mistakes' request changes; notes name the switches that changed nothing."""
    selected = check_bug_ids(bug_ids)
    other_format = any(BUGS[i].signer for i in selected)
    notes = []
    for bug_id in REQUEST_ORDER:
        bug = BUGS[bug_id]
        if bug_id not in selected or (other_format and bug.jwt_only):
            continue
        request, note = bug.alter_request(request)
        if note:
            notes.append(f"{bug_id}: {note}.")
    if other_format:
        notes += [f"{i}: no effect, the legacy format has no such step." for i in sorted(selected) if BUGS[i].jwt_only]
    return request, notes


def sign_with_bugs(request: SignatureRequest, bug_ids) -> BuggySteps:
    """Sign `request` with the selected mistakes switched on; every step kept, JavaScript errors included.

    Raises BugSelectionError for unknown or conflicting ids.
    """
    selected = check_bug_ids(bug_ids)
    bugs = [bug for bug in BUGS.values() if bug.id in selected]
    request, notes = buggy_request(request, selected)
    signer = next((bug.signer for bug in bugs if bug.signer), None)
    if signer:
        return replace(signer(request), notes=tuple(notes))
    done = {}
    try:
        header, payload = build_header(), build_payload(request)
        for bug in bugs:
            payload = bug.alter_payload(payload) if bug.alter_payload else payload
        if any(bug.btoa_segments for bug in bugs):
            for name, segment in (("header", header), ("payload", payload)):
                done[f"{name}_json"] = json_stringify(segment)
                done[f"{name}_b64"] = js_btoa(done[f"{name}_json"], name)
        else:
            done["header_json"], done["header_b64"] = encode_segment(header)
            done["payload_json"], done["payload_b64"] = encode_segment(payload)
        done["signing_input"] = signing_input = f"{done['header_b64']}.{done['payload_b64']}"
        secret_to_key = next((bug.secret_to_key for bug in bugs if bug.secret_to_key), None)
        if secret_to_key and isinstance(request.sdk_secret, str):
            key = secret_to_key(request.sdk_secret)
            mac = hmac_sha256(key, signing_input)
        else:
            key, mac = cryptojs_hmac_sha256(signing_input, request.sdk_secret)
        done.update(hmac_key_length=len(key), hmac_key_hex=key.hex(), hmac_hex=mac.hex())
        encode_mac = next((bug.mac_encoding for bug in bugs if bug.mac_encoding), base64url_encode)
        done["signature"] = encode_mac(mac)
        done["token"] = f"{signing_input}.{done['signature']}"
        done["returned"] = done["signature"] if any(bug.returns_mac for bug in bugs) else done["token"]
    except JsError as error:
        return BuggySteps(**done, error=error, notes=tuple(notes))
    return BuggySteps(**done, notes=tuple(notes))


@dataclass(frozen=True)
class Preset:
    """A ready-made buggy signer for the comparison page and the command line."""

    key: str
    label: str
    bug_ids: tuple[str, ...]
    sign: Callable[[SignatureRequest], BuggySteps]


# What the forum snippet gets wrong in its own code (role_inverted is only its comment).
FORUM_BUGS = (
    "standard_base64_segments",
    "standard_base64_signature",
    "mac_only",
    "meeting_number_claim",
    "no_token_exp",
    "secret_in_browser",
)
FORUM_CALL_BUGS = FORUM_BUGS + ("argument_shift",)

PRESETS: dict[str, Preset] = {
    "forum": Preset("forum", "the forum snippet", FORUM_BUGS, forum_signature),
    "forum_call": Preset("forum_call", "the forum's call", FORUM_CALL_BUGS, forum_call),
} | {
    bug.id: Preset(bug.id, bug.title, (bug.id,), functools.partial(sign_with_bugs, bug_ids=(bug.id,)))
    for bug in BUGS.values()
}
