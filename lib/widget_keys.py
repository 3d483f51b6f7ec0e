"""One dictionary of widget keys per page: the shared handles for pages, AppTest and Playwright.

A widget with key `k` renders with the CSS class `st-key-k`, so browser tests find it as
`.st-key-k`; AppTest finds it as `at.text_input(key=k)` and the like.
"""

# Values the builder hands to the other pages within one session (server-side session_state only:
# never a widget default, so the secret never reaches the browser).
SHARED_FORM = "shared_form_input"  # lib.inputs.FormInput of the last builder submit
SHARED_TOKEN = "shared_token"  # the last token the builder made

BUILDER = {
    "form": "builder_form",
    "sdk_key": "builder_sdk_key",
    "sdk_secret": "builder_sdk_secret",
    "use_configured": "builder_use_configured",
    "meeting_number": "builder_meeting_number",
    "role": "builder_role",
    "lifetime": "builder_lifetime",
    "iat_skew": "builder_iat_skew",
    "webrtc_mode": "builder_webrtc_mode",
    "sign_anyway": "builder_sign_anyway",
    "submit": "builder_submit",
    "token": "builder_token",
}

BUGGY = {
    "preset": "buggy_preset",
    "bug": "buggy_bug_{bug_id}",  # one checkbox per lib.bugs.BUGS id: BUGGY["bug"].format(bug_id=...)
    "inputs_form": "buggy_inputs_form",
    "sdk_key": "buggy_sdk_key",
    "meeting_number": "buggy_meeting_number",
    "role": "buggy_role",
    "compare": "buggy_compare",  # the inputs form's submit button
    "row": "buggy_row_{step}",  # the container of one compared step (lib.bugs.STEPS)
    "outcome": "buggy_outcome",
    "walkthrough": "buggy_walkthrough",
}

JOIN = {
    "form": "join_form",
    "token": "join_token",
    "meeting_number": "join_meeting_number",
    "passcode": "join_passcode",
    "user_name": "join_user_name",
    "user_email": "join_user_email",
    "role": "join_role",
    "zak": "join_zak",
    "obf_token": "join_obf_token",
    "registrant_token": "join_registrant_token",
    "sdk_version": "join_sdk_version",
    "sdk_base": "join_sdk_base",
    "language": "join_language",
    "send_anyway": "join_send_anyway",
    "submit": "join_submit",
    "checks": "join_checks",
    "outcome": "join_outcome",
    "meeting": "join_meeting",
    "inspect": "join_inspect",
    "leave": "join_leave",
}
