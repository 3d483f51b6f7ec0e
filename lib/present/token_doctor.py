"""The Token doctor's and Compare tokens' checks, without Streamlit: which secret verifies, the diagnosis and
its redacted report, the comparison."""

from lib.doctor.diagnosis import diagnose
from lib.doctor.token_compare import compare_tokens
from lib.present.redaction import redacted_report
from lib.signing.encoding import secret_fingerprint


def token_doctor_result(
    pasted: str,
    *,
    typed: str,
    shared: str | None,
    kept: str | None,
    sdk_key: str,
    meeting_number: str,
    host,
    now,
    sdk: str | None = None,
    session_name: str = "",
) -> dict:
    """The secret typed now wins over the builder's (when asked for), which wins over one kept from an
    earlier check. The secret itself appears only as its fingerprint. `sdk`: the SDK the user says joins with
    the token (None: worked out from it); `session_name`: the Video SDK session joined ("" when not given)."""
    secret = typed or shared or kept or None
    context = dict(sdk_key=sdk_key, meeting_number=meeting_number, now=now, host=host, sdk=sdk)
    checked = diagnose(pasted, secret=secret, session_name=session_name.strip() or None, **context)
    return {
        "diagnosis": checked,
        "now": now,
        "sdk": sdk,
        "report": redacted_report(checked, now, secret=secret, sdk_key=sdk_key, sdk=sdk),
        "secret_note": f"Secret used: {secret_fingerprint(secret)}" if secret else "No secret given.",
    }


def compare_pasted_tokens(
    token_a: str, token_b: str, *, typed: str, kept, builder_secret, now: int, sdk=None, session_name: str = ""
):
    """(comparison, None), or (None, what to fix) when a box is empty. Both tokens are verified with the
    secret typed now or kept from an earlier comparison; the builder's token with the builder's secret. Both
    are judged for the SDK `sdk` (None: each from its claims) and the Video SDK session `session_name`."""
    missing = [name for name, token in (("A", token_a), ("B", token_b)) if not token.strip()]
    if missing:
        return None, f"Token {' and '.join(missing)} is empty: paste a signature (it starts with eyJ) in each box."
    secret = typed or kept or None
    context = dict(now=now, sdk=sdk, session_name=session_name.strip() or None)
    return compare_tokens(token_a, token_b, secret_a=secret, secret_b=builder_secret or secret, **context), None
