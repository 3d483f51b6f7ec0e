"""app_key_is_meeting_number: the signer called with fewer arguments than it takes, the meeting number first
(the forum's generateSignature(meetingNumber, role) against (key, secret, meetingNumber, role))."""

import re

from lib.review.program import MEETINGISH, Program
from lib.review.rules.base import ReviewRule
from lib.review.syntax import node_text, squeeze
from lib.review.values import signer_parameters


def check(program: Program):
    for call in program.calls:
        parameters = signer_parameters(program, call)
        if len(parameters) < 4 or len(call.args) >= len(parameters) or call.kwargs or not call.args:
            continue
        if not re.search(r"key", parameters[0], re.I) or not MEETINGISH.search(
            squeeze(node_text(call.args[0])).rsplit(".", 1)[-1]
        ):
            continue
        program.hit(
            "app_key_is_meeting_number",
            call.node,
            f"{call.name} takes ({', '.join(parameters)}) but is called with {len(call.args)} arguments: the meeting "
            "number becomes the key and the role the secret.",
            "Pass all four arguments — better, fetch the signature from your server, which holds key and secret.",
        )


RULE = ReviewRule(codes=("app_key_is_meeting_number",), check=check)
