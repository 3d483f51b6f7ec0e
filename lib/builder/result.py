"""The Signature builder's submit, without Streamlit: which secret signs, the form read, every step signed."""

from dataclasses import dataclass

from lib.builder.credentials import Credentials, choose_secret
from lib.builder.form import FormInput, InputProblem, read_form
from lib.signing.encoding import secret_fingerprint
from lib.signing.steps import build_signature_steps


@dataclass(frozen=True)
class BuilderFields:
    """The builder form's widgets other than the secret, as read."""

    sdk_key: str
    meeting_number: str
    role: int
    lifetime: int
    iat_skew: bool
    webrtc_mode: int
    sign_anyway: bool


def sign_builder_form(
    fields: BuilderFields, typed: str, kept: str | None, configured: Credentials | None, now: int
) -> tuple[dict, FormInput | None]:
    """The result the page shows, and the form to hand to the other pages (None unless it signed cleanly).

    `configured` is the server's credentials when the user chose them, else None."""
    choice = choose_secret(typed, configured is not None, configured, kept)
    form = FormInput(
        sdk_key=configured.sdk_key if configured else fields.sdk_key,
        sdk_secret=choice.secret,
        meeting_number=fields.meeting_number,
        role=fields.role,
        lifetime=int(fields.lifetime),
        iat_skew=fields.iat_skew,
        webrtc_mode=fields.webrtc_mode,
    )
    read = read_form(form, now)
    steps = None
    if not read.errors or fields.sign_anyway:
        try:
            steps = build_signature_steps(read.request)
        except ValueError as exc:  # an unpaired surrogate: the message names its position, not the value
            read.problems.append(InputProblem("not_encodable", "input", "error", str(exc)))
    result = {
        "now": now,
        "problems": read.problems,
        "steps": steps,
        "secret_source": choice.source,
        "secret_is_demo": choice.is_demo,
        "fingerprint": secret_fingerprint(read.request.sdk_secret),
        "iat": read.request.iat,
        "exp": read.request.exp,
        "blocked": bool(read.errors) and not fields.sign_anyway,
    }
    return result, form if steps is not None and not read.errors else None
