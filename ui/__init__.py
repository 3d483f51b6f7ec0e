"""The Streamlit components the pages share: one drawing of each thing, so the pages stay thin scripts.

Layers: a page imports `lib` (the work) and `ui` (the drawing); `ui` imports Streamlit and `lib`; `lib`
never imports either (tests/test_architecture.py). The names below are stable: other branches draw with them.

- `ui.findings.finding_card(text, severity, container=st)` — one finding in its severity's box; the text
  comes from `lib.present.cards.finding_markdown(title, message, code=None, fix=None, notes=(), line=None)`.
- `ui.verdict.verdict_box(level, text, key)` — the verdict of a check, in a keyed container, in the box of
  `level` ("error", "warning", "info" or "success": Streamlit's box names).
- `ui.credentials.KeptSecret(field_key, kept_key, typed_key)` — a password field whose value moves to
  server-side state on submit: `.field(label, help, container=st, empty="not given")` draws it,
  `.keep_typed` (a submit button's on_click), `.take_typed()`, `.kept`, `.placeholder(empty)`, `.forget()`,
  `.forget_button(key)`.
- `ui.credentials.configured_table(name)` — a table of `.streamlit/secrets.toml`, or None when there is none.
- `ui.credentials.configured_zoom_credentials()` — the server's configured SDK key and secret
  (`lib.builder.credentials.Credentials`), or None.
- `ui.source.lazy_expander(label, key, container=st)` — an expander whose body is drawn only while it
  is open: returns the open expander, or None.
- `ui.source.source_expander(label, key, *functions, container=st)` — a lazy expander showing the Python
  source of `functions`.
- `ui.links.page_link(address, label, icon=None)` — a link to the page served at `address`
  (lib.navigation; a former address works too).
- `ui.links.switch_to(address, state=None)` — put `state` (key -> value) into session state, then open
  that page (values travel server-side, never in a URL).
- `ui.links.switch_button(address, label, key, state=None, icon=None)` — a button doing switch_to.
- `ui.links.former_address_pages(entries)` — hidden st.Page objects that forward each former address
  of lib.navigation's entries to the page now serving it (app.py adds them to st.navigation).
- `ui.progress.progress_bar(text, template, key=None)` — a context manager yielding a progress bar whose
  `.step(done, total, item=None)` is a lib function's progress callback; the bar goes when the block ends.
- `ui.family.family_selector(key, container=st, *, allow_unknown=True, label=QUESTION, help=None, sdks=all)` —
  "Which SDK joins with this token?" over the hints `sdks`: returns the `sdk` hint lib takes (None = work it out
  from the token, "web", "native", "video"); `ui.family.sdk_label(sdk)` is a choice's words.
- `ui.mistakes.mistake_expander(bug, family, container=st)` — one catalogue mistake in an expander: why, what that
  family's SDK shows (`lib.mistakes.catalogue.symptom_for`), fix, code before and after, source;
  `ui.mistakes.forum_walkthrough(steps, called_as, key, container=st)` — the forum snippet line by line.
- `ui.claims.claim_inputs(fields, key, more_label, more_key, container=st)` — one widget per claim a token family's
  form asks for (`lib.builder.form.claim_fields`), the rare ones in an expander; `key` holds `{claim}`; returns the
  values by claim name. `ui.claims.claim_widget(field, key, container=st)` draws one.
- `ui.classroom.open_database()` — the classroom database's engine (one opener for the trainer and learners).
- `ui.exercise` — Find the bug's widgets (keys: `lib.widget_keys.EXERCISES`; what they show comes from
  `lib.training.practice`): `solo_practice(problem, on_click)` (join form, seed, difficulty, SDK → a `Practice`
  on this session's answers), `class_practice(learner_key, on_click)` (→ learner, class session, `Practice` from
  the class's database; a database out of reach or a link to no place is said and the page stops),
  `class_banner(learner, session, on_click)`, `score_metric(practice)`, `exercise_card(exercise, count)`,
  `answer_form(exercise, on_click, args, taking_answers)`, `feedback(exercise, attempt, saved)`,
  `set_navigation(practice, position, on_click, answered)`; `exercises_of(seed, difficulty, size, family)` is
  `lib.training.exercises.exercise_set` cached per server. Each `on_click` is the callback of the button drawn.
- `ui.classroom.live_class()` — the Trainer page's live class: the console when the address holds a trainer
  link, else the start and PIN forms; `ui.classroom.projector_view(code)` — the projector view of a class;
  `ui.classroom.client_source()` — where this session connects from (the PIN tries' source).
"""
