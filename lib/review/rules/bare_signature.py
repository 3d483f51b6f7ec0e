"""bare_signature: the HMAC alone handed out where join() needs the whole token: returned by the signer
(the MAC, or the third part of a token's .split('.')), or sent as the signature of a response body
(`res.json({ signature })`, `new Response(JSON.stringify({ signature }))`, `jsonify(signature=mac)`)."""

import re

from lib.review.program import Program
from lib.review.reading import identifier, returns_within, unwrap
from lib.review.rules.base import ReviewRule
from lib.review.values import is_helper, is_hmac_value, is_whole_token


def check(program: Program):
    returning = {}  # function name -> (function, the return values that are the MAC)
    for name, function in program.functions.items():
        if re.search(r"hmac|hash|mac$|digest|base64|encode|^b64", name, re.I) or is_helper(program, name):
            continue
        values = [v for v in returns_within(program.parsed, function) if is_hmac_value(program, v)]
        if values:
            returning[name] = (function, values)
    for name, (_, values) in returning.items():
        if any(calls_it(program, other, name) for key, (other, _) in returning.items() if key != name):
            continue  # a helper of a function that returns the MAC itself: that one is the mistake
        for value in values:
            program.hit(
                "bare_signature",
                value.parent if value.parent is not None else value,
                f"{name} returns the HMAC alone; join() needs the whole token header.payload.signature.",
                "Return the assembled token: header + '.' + payload + '.' + signature.",
            )
    check_response_bodies(program)
    if program.functions:
        return
    for node in program.parsed.of("ret"):  # a fragment: `return signature`
        value = unwrap(node.named_children[0]) if node.named_child_count else None
        name = identifier(program.parsed, value) if value is not None else None
        if name and re.fullmatch(r"(signature|sig|hash|hmac|mac|digest)", name, re.I):
            bound = program.bound_value(name)
            if bound is None or is_hmac_value(program, bound):
                program.hit(
                    "bare_signature",
                    node,
                    f"This returns {name}, the HMAC alone; join() needs the whole token header.payload.signature.",
                    "Return the assembled token: header + '.' + payload + '.' + signature.",
                )


def calls_it(program: Program, function, name: str) -> bool:
    return any(call.callee == name for call in program.calls_in(function))


# What sends a response body or serialises it, by the call's last name.
RESPONSE_CALLS = frozenset({"json", "send", "stringify", "jsonify", "json_encode", "JsonResponse", "JSON", "Json"})
RESPONSE_CALLS |= {"Ok", "new Response", "Response", "dumps", "to_json", "render", "write", "end", "WriteAsJsonAsync"}
SIGNATURE_KEY = re.compile(r"^(signature|sig|token|jwt|\w*Signature|\w*_signature)$", re.I)


def check_response_bodies(program: Program):
    for call in program.calls:
        if call.name not in RESPONSE_CALLS and call.callee not in RESPONSE_CALLS:
            continue
        entries = dict(call.kwargs)
        for argument in call.args:
            literal = next((m for m in program.maps if m.node == program.resolve(argument)), None)
            entries |= {key: value for key, (_, value) in literal.entries.items()} if literal is not None else {}
        sent = {key: value for key, value in entries.items() if value is not None and SIGNATURE_KEY.match(key)}
        if not sent or any(is_whole_token(program, value) for value in entries.values() if value is not None):
            continue
        for key, value in sent.items():
            if is_hmac_value(program, value):
                program.hit(
                    "bare_signature",
                    value,
                    f"The response's {key} is the HMAC alone; join() needs the whole token header.payload.signature.",
                    "Send the assembled token: header + '.' + payload + '.' + signature.",
                )


RULE = ReviewRule(codes=("bare_signature",), check=check)
