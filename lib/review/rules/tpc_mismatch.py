"""tpc_mismatch: a Video SDK payload whose tpc is the session name URL-encoded (encodeURIComponent, urllib's
quote, PHP's urlencode / rawurlencode, url.QueryEscape, URLEncoder.encode, Uri.EscapeDataString, CGI.escape …).

The client joins with the name as typed; the token then names "Cool%20Cars" (or "Cool+Cars") while join() names
"Cool Cars", and Zoom compares the two ignoring case only (the Video SDK auth page: tpc "must match the session
join context value"; docs/zoom-signature-facts.md). A name without spaces or reserved characters comes out the
same, so the signer works for some sessions and not others. The value is followed through names and through the
arguments a signer function's callers pass. Only a tpc written in a Video SDK payload is judged: a name encoded
with no payload in sight may well be meant for a URL.
"""

from lib.review.payload import claim_entries, judged_family, payloads
from lib.review.program import BARE_URL_ENCODERS, PLUS_FOR_SPACE, URL_ENCODERS, Program, matches
from lib.review.reading import function_name, identifier, unwrap
from lib.review.rules.base import ReviewRule
from lib.review.rules.role_not_number import parameter_of


def check(program: Program):
    video = [claim_entries(p) for p in payloads(program) if judged_family(program, p) == "video"]
    topics = [claims["tpc"][1] for claims in video if "tpc" in claims and claims["tpc"][1] is not None]
    if joins_with_an_encoded_name(program):
        return  # the client joins with the encoded name too: tpc and the session name agree
    for topic in topics:
        encoder = url_encoded(program, topic)
        if encoder is not None:
            report(program, encoder)


JOIN_CALLS = frozenset({"join", "joinSession"})  # client.join(topic, …) (web), joinSession(context) (native)


def joins_with_an_encoded_name(program: Program) -> bool:
    """The same code joins the Video SDK session with a URL-encoded name (client.join(encodeURIComponent(t), …))."""
    return any(
        call.name in JOIN_CALLS and call.args and url_encoded(program, call.args[0]) is not None
        for call in program.calls
    )


def report(program: Program, node):
    call = program.call(node)
    example = "Cool+Cars" if matches(call, PLUS_FOR_SPACE) else "Cool%20Cars"
    program.hit(
        "tpc_mismatch",
        node,
        f"tpc is the session name URL-encoded by {call.callee}(…): a name with a space or any reserved character "
        f'is signed as another session ("Cool Cars" becomes "{example}") than the one the client passes to join(), '
        "and Zoom compares the two ignoring case only, so those joins are refused (the native Video SDK: 1507); "
        "names without such characters work, which makes it look random.",
        "Sign tpc with the session name exactly as the client passes it to join(), never re-encoded (frameworks "
        "already decode query strings and bodies); encode only where the name goes into a URL.",
    )


def url_encoded(program: Program, node, depth=4):
    """The URL-encoding call the value comes from (through names and the callers' arguments), or None."""
    node = unwrap(node)
    if node is None or depth == 0:
        return None
    if node.type in program.parsed.grammar.call:
        call = program.call(node)
        return node if call.callee in BARE_URL_ENCODERS or matches(call, URL_ENCODERS) else None
    name = identifier(program.parsed, node)
    if name is None:
        return None
    bound = program.bound_value(name, node)
    if bound is not None and bound != node:
        return url_encoded(program, bound, depth - 1)
    parameter = parameter_of(program, node, name)
    if parameter is None:
        return None
    function, index, _ = parameter
    called = function_name(program.parsed, function)
    for call in program.calls:  # generateSignature(encodeURIComponent(name), role): what the callers pass
        if called and call.callee in (called, f"this.{called}", f"self.{called}") and index < len(call.args):
            found = url_encoded(program, call.args[index], depth - 1)
            if found is not None:
                return found
    return None


RULE = ReviewRule(codes=("tpc_mismatch",), check=check)
