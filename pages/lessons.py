"""Lessons: a guided path through the JWT, then through every mistake of the bug catalogue, one at a time.

The path and its prose are lib.training.lessons; live values come from the learner's last builder inputs.
"""

import time

import streamlit as st

from lib import widget_keys
from lib.mistakes.catalogue import BUGS
from lib.present.display import escape_markdown
from lib.present.html import base64_html, colour_token_html, demo_html
from lib.signing.encoding import secret_fingerprint
from lib.training.lessons import (
    BASE64_DEMO_TEXT,
    LESSON_KEYS,
    LESSONS,
    LESSONS_BY_KEY,
    NATIVE_AUTH_RESULTS,
    base64_comparison,
    bug_demo,
    catchers,
    claim_rows,
    code_pairs,
    compare_with_mistake,
    error_rows,
    family_rows,
    hmac_view,
    learner_form,
    learner_steps,
    neighbours,
    token_parts,
)
from lib.zoom.families import FAMILIES
from ui.links import page_link
from ui.source import source_expander

KEYS = widget_keys.LESSONS
NUMBERS = {lesson.key: number for number, lesson in enumerate(LESSONS, start=1)}


def go_to(key):
    st.session_state[KEYS["choose"]] = key


st.title("Lessons")
shared = st.session_state.get(widget_keys.SHARED_FORM)
form = learner_form(shared)
origin = "your last builder submit" if shared else "the demo values (sign in the builder to use your own)"
st.caption(f"Live values from {origin}; secret {secret_fingerprint(form.sdk_secret)}.")

st.session_state.setdefault(KEYS["choose"], LESSON_KEYS[0])
before, after = neighbours(st.session_state[KEYS["choose"]])
left, middle, right = st.columns([1, 4, 1], vertical_alignment="bottom")
left.button("Previous", key=KEYS["previous"], on_click=go_to, args=(before,), disabled=before is None)
key = middle.selectbox(
    "Lesson",
    LESSON_KEYS,
    format_func=lambda k: f"{NUMBERS[k]}. {LESSONS_BY_KEY[k].part} — {LESSONS_BY_KEY[k].title}",
    key=KEYS["choose"],
)
right.button("Next", key=KEYS["next"], on_click=go_to, args=(after,), disabled=after is None, type="primary")
lesson = LESSONS_BY_KEY[key]
seen = st.session_state.setdefault(KEYS["seen"], set())
seen.add(key)
st.progress(len(seen) / len(LESSONS), text=f"{len(seen)} of {len(LESSONS)} lessons opened")

now = int(time.time())
with st.container(key=KEYS["lesson"]):
    st.header(f"{NUMBERS[key]}. {lesson.title}")
    if lesson.bug_id is None:
        st.markdown(lesson.text)
        steps = learner_steps(form, now)
    if key == "jwt_parts":
        st.html(colour_token_html(steps.token))
        for part in token_parts(steps):
            st.markdown(f"**{part.name}** — {part.meaning}")
            st.code(part.decoded, language="json" if part.name != "signature" else None, wrap_lines=True)
    elif key == "base64url":
        text = st.text_input("Text to encode", value=BASE64_DEMO_TEXT, key=KEYS["base64_text"])
        try:
            comparison = base64_comparison(text)
        except ValueError as exc:
            st.error(escape_markdown(str(exc)))
        else:
            st.html(base64_html(comparison))
            found = ", ".join(f"`{char}`" for char in comparison.found) or "none of `+`, `/` and `=`"
            st.caption(f"Standard base64 of this text contains {found}. The payload of your token, both ways:")
            st.html(base64_html(base64_comparison(steps.payload_json)))
    elif key == "hmac":
        view = hmac_view(steps)
        st.markdown("**Signing input** (header.payload):")
        st.code(view.signing_input, language=None, wrap_lines=True)
        st.markdown(f"**Key**: the secret's UTF-8 bytes, {view.key_length} bytes. **HMAC-SHA256**, 32 bytes in hex:")
        st.code(view.hmac_hex, language=None)
        st.markdown(f"**base64url**, {len(view.signature)} characters, the token's third part:")
        st.code(view.signature, language=None)
        st.markdown(
            f"The same bytes in standard base64 (CryptoJS.enc.Base64), {len(view.standard_signature)} characters:"
        )
        st.code(view.standard_signature, language=None)
    elif key == "claims":
        st.table(claim_rows(steps, now))
    elif key == "who_checks":
        st.table(error_rows())
        st.markdown("\n".join(f"- **Caught by {who}:** {', '.join(titles)}" for who, titles in catchers().items()))
    elif key == "token_families":
        st.table(family_rows(form, now))
    elif key == "native_auth_results":
        st.table(NATIVE_AUTH_RESULTS)
    else:
        bug = BUGS[lesson.bug_id]
        st.caption(f"{lesson.part} · catalogue id `{bug.id}` · signed for the {FAMILIES[lesson.family].title}")
        st.markdown(f"**Why it fails.** {bug.why}")
        wrong, right = st.columns(2)
        wrong.markdown(":material/close: **Before**")
        right.markdown(":material/check: **After**")
        for language, before, after in code_pairs(bug):
            wrong, right = st.columns(2)
            wrong.code(before, language=language, wrap_lines=True)
            right.code(after, language=language, wrap_lines=True)
        demo = bug_demo(lesson, form, now)
        with st.container(key=KEYS["demo"], border=True):
            st.markdown(f"**Live demo on your inputs.** {lesson.look_at}")
            st.html(demo_html(demo.comparison))
            outcome = demo.comparison.outcome
            st.markdown(f"**Caught by {outcome.caught_by}.** {escape_markdown(outcome.message)}")
            for note in demo.notes:
                st.caption(escape_markdown(note))
            source_expander("The Python that made this demo", KEYS["python"], bug_demo, compare_with_mistake)
        st.markdown(f"**What Zoom shows.** {bug.symptom}")
        st.markdown(f"**Fix.** {bug.fix}")
        st.caption(f"Source: {bug.source}")
        page_link("buggy-vs-correct", "Combine it with other mistakes in Buggy vs correct")
