"""One catalogue mistake drawn in full, and the forum snippet walked through line by line (Buggy vs correct)."""

import streamlit as st

from lib.mistakes.catalogue import Bug, symptom_for
from lib.present.buggy_vs_correct import walkthrough


def mistake_expander(bug: Bug, family: str, container=st):
    """An expander with why the mistake fails, what this family's SDK shows, the fix, the code before and after and
    the source."""
    with container.expander(f"{bug.title} (`{bug.id}`)"):
        st.markdown(f"**Why it fails.** {bug.why}")
        st.markdown(f"**Symptom.** {symptom_for(bug, family)}")
        st.markdown(f"**Caught by:** {bug.caught_by} · **Fix.** {bug.fix}")
        before, after = st.columns(2)
        before.caption("Before (JavaScript, Python)")
        before.code(bug.js_before, language="javascript", wrap_lines=True)
        before.code(bug.py_before, language="python", wrap_lines=True)
        after.caption("After")
        after.code(bug.js_after, language="javascript", wrap_lines=True)
        after.code(bug.py_after, language="python", wrap_lines=True)
        st.caption(f"Source: {bug.source}")


def forum_walkthrough(steps, called_as: str, key: str, container=st):
    """The forum snippet's lines, each with what it produced for the inputs (`steps`: lib.javascript.forum's
    BuggySteps), in a container keyed `key`; `called_as` ends the caption (how the snippet was called)."""
    container.header("The forum snippet, line by line")
    with container.container(key=key):
        st.caption(
            "From Zoom developer forum thread 98154, condensed. The values are what each line produced for the inputs "
            f"above{called_as}"
        )
        for line in walkthrough(steps):
            st.code(line.js, language="javascript", wrap_lines=True)
            st.markdown(line.markdown)
            if line.value is not None:
                st.code(line.value, language=None, wrap_lines=True)
            elif line.never_ran:
                st.markdown(line.never_ran)
