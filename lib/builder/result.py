"""The Signature builder's submit, without Streamlit: which secret signs, the form read, every step signed."""

import json
from dataclasses import dataclass, field

from lib.builder.credentials import Credentials, choose_secret
from lib.builder.form import FormInput, InputProblem, form_input, read_form, token_family
from lib.signing.encoding import secret_fingerprint
from lib.signing.steps import SIGNING_STEPS, StepInfo, build_signature_steps
from lib.zoom.facts import DEFAULT_LIFETIME_SECONDS
from lib.zoom.families import CLAIMS, FAMILIES


@dataclass(frozen=True)
class BuilderFields:
    """The builder form's widgets other than the secret, as read: the family, its claims' values by name
    (lib.builder.form.claim_fields), and the settings every family shares."""

    family: str
    sdk_key: str
    values: dict = field(default_factory=dict)
    lifetime: int = DEFAULT_LIFETIME_SECONDS
    iat_skew: bool = False
    sign_anyway: bool = False


def sign_builder_form(
    fields: BuilderFields, typed: str, kept: str | None, configured: Credentials | None, now: int
) -> tuple[dict, FormInput | None]:
    """The result the page shows, and the form to hand to the other pages (None unless it signed cleanly).

    `configured` is the server's credentials when the user chose them, else None."""
    choice = choose_secret(typed, configured is not None, configured, kept)
    sdk_key = configured.sdk_key if configured else fields.sdk_key
    form = form_input(
        fields.family, sdk_key, choice.secret, fields.values, lifetime=int(fields.lifetime), iat_skew=fields.iat_skew
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
        "family": fields.family,
        "token_family": token_family(read.request),
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


def step_explanation(step: StepInfo, family_id: str, payload: dict) -> str:
    """Why the step exists; for the payload, what each of its claims is, from the claim table, in the order the
    family's official sample writes them."""
    if step.field != "payload_json":
        return step.explanation
    family = FAMILIES[family_id]
    claims = "; ".join(f"`{name}` {CLAIMS[name].meaning}" for name in payload if name in CLAIMS)
    return (
        f"The claims of a {family.title} token, in the order the official sample writes them ({family.sample}): "
        f"{claims}. "
        "JSON.stringify leaves out what is not set, and keeps non-ASCII text as UTF-8."
    )


def step_rows(result: dict):
    """(number, step, value, explanation) for every signing step of a signed result."""
    steps = result["steps"]
    payload = json.loads(steps.payload_json)
    for number, step in enumerate(SIGNING_STEPS, start=1):
        yield number, step, getattr(steps, step.field), step_explanation(step, result["family"], payload)
