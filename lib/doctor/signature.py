"""The signature segment: its length and encoding, the HMAC checked with the secret, and when it does not
match, forensics (lib.mistakes.forensics) naming the mistake that reproduces it."""

import hashlib
import hmac

from lib.doctor.findings import FINDING_CODES, add_finding
from lib.doctor.structure import HEX_DIGITS
from lib.mistakes.forensics import SignedToken, find_mistake
from lib.signing.encoding import base64_lenient_decode, secret_fingerprint


def clean_secret(findings, secret):
    """The secret to verify with (trimmed, said so), or None."""
    if secret is None:
        return None
    if not isinstance(secret, str):
        add_finding(findings, "secret_not_usable", "context", "The secret must be text.", "Paste the Client Secret.")
        return None
    trimmed = secret.strip()
    if not trimmed:
        return None
    if trimmed != secret:
        what = "a line break" if any(c in "\r\n" for c in secret) else "spaces"
        add_finding(
            findings,
            "secret_trimmed",
            "context",
            f"Removed {what} around the secret you pasted before verifying. If your server reads the secret "
            "with that whitespace, its signatures are wrong (3712); the forensics below checks that.",
            "Trim the secret where your server reads it.",
            secret=secret_fingerprint(trimmed),
        )
    try:
        trimmed.encode("utf-8")
    except UnicodeEncodeError:
        add_finding(
            findings,
            "secret_not_usable",
            "context",
            "The secret holds an unpaired UTF-16 surrogate, which has no UTF-8 bytes, so no HMAC can be computed.",
            "Paste the Client Secret again; it is plain ASCII.",
        )
        return None
    return trimmed


def check_signature(findings, parts, decoded, secret, pasted_secret, context_key, payload):
    """Verify the HMAC with the secret; when it fails, let forensics name the mistake. Returns verified."""
    header_b64, payload_b64, signature_b64 = parts
    if not signature_b64:
        add_finding(
            findings,
            "malformed_token",
            "signature",
            "The signature segment is empty: this is an unsigned token (header.payload.).",
            "Sign the token with HMAC-SHA256 and the SDK secret.",
            segment="signature",
        )
        return None
    try:
        mac = base64_lenient_decode(signature_b64)
    except ValueError:
        add_finding(
            findings,
            "malformed_token",
            "signature",
            f"The signature segment is not base64 ({len(signature_b64)} characters).",
            "Encode the 32 HMAC bytes as base64url.",
            segment="signature",
        )
        return None
    if len(mac) != 32:
        hex_text = len(signature_b64) == 64 and HEX_DIGITS.issuperset(signature_b64)
        add_finding(
            findings,
            "signature_wrong_length",
            "signature",
            f"The signature holds {len(mac)} bytes; an HMAC-SHA256 is 32."
            + (" It is 64 hex digits: the MAC was written as hex, not base64url." if hex_text else ""),
            "Encode the raw 32 HMAC bytes as base64url (Node: digest('base64url')).",
            length=len(mac),
        )
        return None
    if secret is None:
        add_finding(
            findings,
            "signature_not_verified",
            "signature",
            "Signature not verified: enter the SDK secret to check it (it stays on this server).",
            "",
        )
        return None
    if decoded is None:
        return None
    signing_input = f"{header_b64}.{payload_b64}".encode("ascii")
    if hmac.compare_digest(hmac.digest(secret.encode("utf-8"), signing_input, hashlib.sha256), mac):
        add_finding(
            findings,
            "signature_valid",
            "signature",
            "The signature matches the secret: the HMAC over header.payload is correct.",
            "",
        )
        return True
    key_claims = tuple(v for v in (payload.get("appKey"), payload.get("sdkKey")) if isinstance(v, str))
    # A token that carries another app's key (and not this secret) was signed by that app: re-signing it with
    # this secret's variants cannot explain it, so forensics tries only the keys as the secret.
    codes = {f.code for f in findings}
    other_app = "app_key_mismatch" in codes and "app_key_is_secret" not in codes
    token = SignedToken(signing_input, *decoded, mac, key_claims)
    mistake = find_mistake(token, secret, pasted_secret, context_key, keys_only=other_app)
    fix = "Sign with the Client Secret of the Meeting SDK app whose Client ID is in appKey."
    if mistake:
        why = f": {FINDING_CODES[mistake.code].title.lower()} (below)."
    elif other_app:
        why = ": the token carries another app's key (above), so it was signed with that app's secret."
    else:
        why = (
            ". No known signing mistake reproduces it, so one of two secrets is not the app's: the secret typed "
            "here may be the wrong one (another app's, a test or development app's, or one regenerated since), or "
            "the signer used another secret (a different app, Server-to-Server OAuth or other non-Meeting-SDK "
            "credentials, or a secret regenerated since)."
        )
        fix = (
            "Check the secret typed here first: copy the Client Secret of the app whose Client ID is in appKey "
            "(App Marketplace, your app, App Credentials) and verify again. If it still does not match, the signer "
            "uses another secret: give it that Client Secret."
        )
    add_finding(
        findings,
        "signature_mismatch",
        "signature",
        "The signature does not match this secret" + why,
        fix,
        secret=secret_fingerprint(secret),
    )
    if mistake:
        add_finding(findings, mistake.code, "signature", mistake.message, mistake.fix, **mistake.evidence)
    return False
