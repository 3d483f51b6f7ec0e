"""standard_base64: a JWT segment or signature written in standard base64 (+, / and = padding)."""

import re

from lib.review.payload import is_payload
from lib.review.program import HMAC_CALLS, Program, matches
from lib.review.rules.base import ReviewRule
from lib.review.syntax import node_text
from lib.review.values import converted_to_base64url, is_hmac_value, is_padded_base64url, is_standard_base64


def check(program: Program):
    check_padded_base64url(program)
    check_standard_base64(program)


def check_padded_base64url(program: Program):
    for call in program.calls:
        if is_padded_base64url(program, call):
            program.hit(
                "standard_base64",
                call.node,
                "Base64.getUrlEncoder() pads with '=' unless told withoutPadding(); a JWT segment or signature "
                "must be base64url without padding.",
                "Use Base64.getUrlEncoder().withoutPadding().encodeToString(…).",
                step="signature" if any(is_hmac_value(program, a) for a in call.args) else None,
            )


def check_standard_base64(program: Program):
    encoders = [call for call in program.calls if is_standard_base64(program, call)]
    signs = encoders and (program.has_hmac or any(map(is_payload, program.maps)))
    for call in encoders:
        if converted_to_base64url(program, call):
            continue
        statement_text = node_text(next(iter(reversed(list(program.ancestors(call.node)))), call.node))
        if "Basic" in statement_text or re.search(r"['\"`]:['\"`]|:\$\{|\}:", statement_text):
            continue  # HTTP Basic authorization (client_id:secret) is standard base64 by definition
        about = " ".join(node_text(a) for a in call.args) + " " + node_text(call.node)
        binding = program.binding_of(call.node)
        about += " " + (binding.name if binding else "")
        if not (signs or re.search(r"payload|header|sig|hash|hmac|mac|json|token|digest|claims", about, re.I)):
            continue
        receiver_is_mac = call.name in ("toString", "digest") and any(
            matches(c, HMAC_CALLS) for c in program.calls_in(call.node)
        )
        named_mac = re.search(r"sig|hash|mac|digest", (binding.name if binding else "") + " " + about, re.I)
        serialised = re.search(r"json|stringify|marshal", about, re.I)  # JSON text: a header or payload segment
        on_mac = (
            receiver_is_mac or bool(named_mac) or not serialised and any(is_hmac_value(program, a) for a in call.args)
        )
        program.hit(
            "standard_base64",
            call.node,
            f"{call.callee}(…) writes standard base64 (+, / and = padding); a JWT "
            + ("signature" if on_mac else "segment")
            + " must be base64url without padding.",
            "Use base64url without '=' (Node: .toString('base64url'); Python: base64.urlsafe_b64encode(…)"
            ".rstrip(b'=')), or let a JWT library encode.",
            step="signature" if on_mac else None,
        )


RULE = ReviewRule(codes=("standard_base64",), check=check)
