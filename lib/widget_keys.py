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

LESSONS = {
    "choose": "lessons_choose",  # the selectbox of lessons (lib.lessons.LESSON_KEYS)
    "previous": "lessons_previous",
    "next": "lessons_next",
    "lesson": "lessons_lesson",  # the container of the lesson shown
    "base64_text": "lessons_base64_text",  # the text of the base64 vs base64url example
    "demo": "lessons_demo",  # the container of a bug lesson's live demo
    "seen": "lessons_seen",  # session state, not a widget: the keys of the lessons opened so far
}

EXERCISES = {
    "seed": "exercises_seed",
    "difficulty": "exercises_difficulty",
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
    "attempts": "exercises_attempts",  # session state: exercise id -> lib.exercises.Attempt
    "position": "exercises_position",  # session state: (seed, difficulty) -> index of the exercise shown
}

TRAINER = {
    "previous": "trainer_previous",
    "next": "trainer_next",
    "slide": "trainer_slide",  # the container of the presenter view
    "step": "trainer_step",  # session state: index into lib.trainer.presenter_steps()
    "handout_seed": "trainer_handout_seed",
    "handout_difficulty": "trainer_handout_difficulty",
    "handout": "trainer_handout",  # the handout's download button
}
