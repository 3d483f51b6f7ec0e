"""One dictionary of keys per page: its widgets' keys, the shared handles for pages, AppTest and Playwright,
and the session-state keys the page keeps its state under (every key a page uses is here).

A widget with key `k` renders with the CSS class `st-key-k`, so browser tests find it as
`.st-key-k`; AppTest finds it as `at.text_input(key=k)` and the like.
"""

# Values the builder hands to the other pages within one session (server-side session_state only:
# never a widget default, so the secret never reaches the browser).
SHARED_FORM = "shared_form_input"  # lib.builder.form.FormInput of the last builder submit
SHARED_TOKEN = "shared_token"  # the last token the builder made

BUILDER = {
    "form": "builder_form",
    "sdk_key": "builder_sdk_key",
    "sdk_secret": "builder_sdk_secret",
    "use_configured": "builder_use_configured",
    "family": "builder_family",  # which SDK joins with the token (ui.family.family_selector)
    "claim": "builder_{family}_{claim}",  # one widget per claim of the family's form (lib.builder.form.claim_fields)
    "more_claims": "builder_{family}_more_claims",  # the folded-away settings most apps leave to Zoom
    "meeting_number": "builder_meeting_web_mn",  # the web family's claim widgets, by name
    "role": "builder_meeting_web_role",
    "webrtc_mode": "builder_meeting_web_video_webrtc_mode",
    "lifetime": "builder_lifetime",
    "iat_skew": "builder_iat_skew",
    "sign_anyway": "builder_sign_anyway",
    "submit": "builder_submit",
    "token": "builder_token",
    "step_code": "builder_step_code_{field}",  # one lazy expander per lib.signing.steps.SIGNING_STEPS field
    # session state, not widgets
    "kept_secret": "builder_kept_secret",  # server-side only: the secret typed in an earlier submit
    "typed_now": "builder_typed_now",  # the secret typed in this submit, from the button's callback to the script
    "result": "builder_result",  # what the last submit signed (lib.builder.result.sign_builder_form)
}

INSPECTOR = {
    "form": "inspector_form",
    "token": "inspector_token",
    "secret": "inspector_secret",
    "use_shared_secret": "inspector_use_shared_secret",
    "sdk_key": "inspector_sdk_key",
    "meeting_number": "inspector_meeting_number",
    "host": "inspector_host",
    "sdk": "inspector_sdk",  # ui.family.family_selector: which SDK joins with the token
    "session_name": "inspector_session_name",  # the Video SDK session name passed to join()
    "submit": "inspector_submit",
    "load_builder_token": "inspector_load_builder_token",
    "forget_secret": "inspector_forget_secret",
    "verdict": "inspector_verdict",
    "family": "inspector_family",  # the container naming the token's family
    "segments": "inspector_segments",
    "claims": "inspector_claims",
    "findings": "inspector_findings",
    "verification": "inspector_verification",
    "report": "inspector_report",
    "report_preview": "inspector_report_preview",  # lazy expander: the report is drawn only when open
    # session state, not widgets
    "kept_secret": "inspector_kept_secret",  # server-side only: the secret typed in an earlier check
    "typed_now": "inspector_typed_now",
    "result": "inspector_result",  # lib.present.token_doctor.token_doctor_result
}

COMPARE = {
    "form": "compare_form",
    "token_a": "compare_token_a",
    "b_source": "compare_b_source",
    "token_b": "compare_token_b",
    "secret": "compare_secret",
    "sdk": "compare_sdk",  # ui.family.family_selector: which SDK joins with both tokens
    "session_name": "compare_session_name",  # the Video SDK session name passed to join()
    "submit": "compare_submit",
    "claims": "compare_claims",
    "segments": "compare_segments",
    "verification": "compare_verification",
    "findings": "compare_findings",
    # session state, not widgets
    "kept_secret": "compare_kept_secret",  # server-side only
    "typed_now": "compare_typed_now",
    "result": "compare_result",  # lib.doctor.token_compare.Comparison, or None
    "result_sdk": "compare_result_sdk",  # the sdk hint the comparison was judged with (None: worked out)
}

BATCH = {
    "upload": "batch_upload",
    "paste": "batch_paste",
    "sample": "batch_sample",
    "sdk": "batch_sdk",  # ui.family.family_selector: which SDK joins with the file's tokens
    "session_name": "batch_session_name",  # the Video SDK session the file's tokens join
    "outliers": "batch_outliers",  # the container of one session's tokens that name another
    "run": "batch_run",
    "progress": "batch_progress",
    "summary": "batch_summary",
    "counts": "batch_counts",
    "chart": "batch_chart",
    "results": "batch_results",
    "download": "batch_download",
    "result": "batch_result",  # session state: lib.doctor.batch_results.batch_result
}

BUGGY = {
    "preset": "buggy_preset",
    "bug": "buggy_bug_{bug_id}",  # one checkbox per lib.mistakes.catalogue.BUGS id: BUGGY["bug"].format(bug_id=...)
    "inputs_form": "buggy_inputs_form",
    "sdk_key": "buggy_sdk_key",
    "meeting_number": "buggy_meeting_number",
    "role": "buggy_role",
    "family": "buggy_family",  # which SDK's token: ui.family.family_selector
    "session_name": "buggy_session_name",  # the Video SDK's session name (tpc)
    "compare": "buggy_compare",  # the inputs form's submit button
    "row": "buggy_row_{step}",  # the container of one compared step (lib.mistakes.catalogue.STEPS)
    "outcome": "buggy_outcome",
    "walkthrough": "buggy_walkthrough",
    "python": "buggy_python",  # lazy expander of the Python that ran
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
    "attempt": "join_attempt",  # session state: the attempt's plan, nonce and Zoom's last outcome
}

LESSONS = {
    "choose": "lessons_choose",  # the selectbox of lessons (lib.training.lessons.LESSON_KEYS)
    "previous": "lessons_previous",
    "next": "lessons_next",
    "lesson": "lessons_lesson",  # the container of the lesson shown
    "base64_text": "lessons_base64_text",  # the text of the base64 vs base64url example
    "demo": "lessons_demo",  # the container of a bug lesson's live demo
    "python": "lessons_python",  # lazy expander of the Python that made the demo
    "seen": "lessons_seen",  # session state, not a widget: the keys of the lessons opened so far
}

EXERCISES = {
    "seed": "exercises_seed",
    "difficulty": "exercises_difficulty",
    "family": "exercises_family",  # practice alone: which SDK's set (ui.family.family_selector)
    "score": "exercises_score",  # the container of the session score
    "exercise": "exercises_exercise",  # the container of the exercise shown
    "form": "exercises_form_{exercise_id}",  # one answer form per exercise: .format(exercise_id=Exercise.id)
    "causes": "exercises_causes_{exercise_id}",
    "fixes": "exercises_fixes_{exercise_id}",
    "check": "exercises_check",  # the answer form's submit button
    "feedback": "exercises_feedback",  # the container of the feedback after an answer
    "previous": "exercises_previous",
    "next": "exercises_next",
    "download": "exercises_download",
    "attempts": "exercises_attempts",  # session state: exercise id -> lib.training.exercises.Attempt
    "position": "exercises_position",  # session state: Practice.place -> index of the exercise shown
    # A class session (lib.classroom): joining, and what the learner sees of it
    "class_form": "exercises_class_form",
    "class_code": "exercises_class_code",
    "class_name": "exercises_class_name",
    "class_join": "exercises_class_join",
    "class_banner": "exercises_class_banner",  # the container naming the class and the learner
    "class_leave": "exercises_class_leave",
    "class_problem": "exercises_class_problem",  # session state: the message of a join or answer that failed
    "saved": "exercises_saved",  # the container acknowledging a stored answer
    "shown_at": "exercises_shown_at",  # session state: exercise id -> when it was first shown (time.time())
}
LEARNER_PARAM = "learner"  # the query parameter holding a learner's resume key (lib.classroom.store.join_class)

TRAINER = {
    "previous": "trainer_previous",
    "next": "trainer_next",
    "slide": "trainer_slide",  # the container of the presenter view
    "slide_index": "trainer_slide_index",  # session state: index into lib.training.trainer.presenter_slides()
    "handout_seed": "trainer_handout_seed",
    "handout_difficulty": "trainer_handout_difficulty",
    "handout_family": "trainer_handout_family",  # which SDK's set the handout holds (ui.family.family_selector)
    "handout": "trainer_handout",  # the handout's download button
    # A live class (lib.classroom)
    "class_tabs": "trainer_class_tabs",
    "new_form": "trainer_new_form",
    "new_title": "trainer_new_title",
    "new_seed": "trainer_new_seed",
    "new_difficulty": "trainer_new_difficulty",
    "new_family": "trainer_new_family",  # which SDK's exercises the class does (ui.family.family_selector)
    "new_count": "trainer_new_count",
    "new_submit": "trainer_new_submit",
    "open_form": "trainer_open_form",
    "open_code": "trainer_open_code",
    "open_pin": "trainer_open_pin",
    "open_submit": "trainer_open_submit",
    "link_param": "trainer",  # the query parameter holding the trainer link's key (lib.classroom.access)
    "projector_param": "class",  # the query parameter of the projector view: the class's join code
    "new_pin": "trainer_new_pin",  # session state: the PIN of the class just created, shown once
    "new_link": "trainer_new_link",  # session state: a link the PIN just issued, shown once
    "pin_guesses": "trainer_pin_guesses",  # session state: this browser session's PIN tries (access.PinGuesses)
    "class_problem": "trainer_class_problem",  # session state: the message of an action that failed
    "projector": "trainer_projector",  # the container of the projector view
    "projector_code": "trainer_projector_code",  # its join code, large, under its label
    "room": "trainer_room",  # the container of the trainer's console
    "room_link": "trainer_room_link",  # the trainer link (and PIN) shown once
    "room_link_hide": "trainer_room_link_hide",
    "room_learners": "trainer_room_learners",
    "room_chart": "trainer_room_chart",
    "room_close_confirm": "trainer_room_close_confirm",  # the tick that enables Close
    "room_close": "trainer_room_close",
    "room_reopen": "trainer_room_reopen",
    "room_csv": "trainer_room_csv",
    "room_handout": "trainer_room_handout",  # the live class's own handout (its seed, difficulty and count)
    "room_delete_confirm": "trainer_room_delete_confirm",  # the tick that enables Delete
    "room_delete": "trainer_room_delete",
    "room_leave": "trainer_room_leave",
}

ENDPOINT = {
    "form": "endpoint_form",
    "url": "endpoint_url",
    "origin": "endpoint_origin",
    "sdk": "endpoint_sdk",  # which contract: the Meeting SDK's or the Video SDK's auth endpoint sample
    "meeting_number": "endpoint_meeting_number",
    "session_name": "endpoint_session_name",  # the Video SDK session name to ask for
    "sdk_key": "endpoint_sdk_key",
    "sdk_secret": "endpoint_sdk_secret",
    "use_configured": "endpoint_use_configured",
    "from_browser": "endpoint_from_browser",
    "run": "endpoint_run",  # the form's submit button
    "forget_secret": "endpoint_forget_secret",
    "progress": "endpoint_progress",
    "verdict": "endpoint_verdict",
    "browser": "endpoint_browser",  # the container of the browser's own request and its outcome
    "fetch": "endpoint_fetch",  # the v2 component that sends it
    "matrix": "endpoint_matrix",
    "native": "endpoint_native",  # the container of the Meeting SDK contract's native request's result
    "findings": "endpoint_findings",
    "answers": "endpoint_answers",  # lazy expander of the raw answers
    "report_markdown": "endpoint_report_markdown",
    "report_json": "endpoint_report_json",
    # session state, not widgets
    "kept_secret": "endpoint_kept_secret",  # server-side only: the secret typed in an earlier run
    "typed_now": "endpoint_typed_now",
    "result": "endpoint_result",  # lib.endpoint.report.probe_outputs
}

CODE_DOCTOR = {
    "form": "code_doctor_form",
    "code": "code_doctor_code",
    "upload": "code_doctor_upload",
    "language": "code_doctor_language",
    "sdk": "code_doctor_sdk",  # ui.family.family_selector: which SDK the code signs for
    "submit": "code_doctor_submit",
    "verdict": "code_doctor_verdict",
    "family": "code_doctor_family",  # the container naming the token family the code signs
    "secret_warning": "code_doctor_secret_warning",
    "marked": "code_doctor_marked",  # the container of the code with each finding marked on its line
    "findings": "code_doctor_findings",
    "corrected": "code_doctor_corrected",
    "corrected_code": "code_doctor_corrected_code",  # the expander that draws the correct signer once opened
    "report": "code_doctor_report",
    "run": "code_doctor_run",  # the button that runs JavaScript in the browser's sandboxed frame
    "sandbox": "code_doctor_sandbox",  # the component that hosts that frame
    "run_result": "code_doctor_run_result",  # the container of what the run returned and the Token doctor's verdict
    # session state, not widgets
    "result": "code_doctor_result",  # the review and its report
    "run_attempt": "code_doctor_run_attempt",  # the sandboxed run (lib.present.code_review.prepare_run)
}
