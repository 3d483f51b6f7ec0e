"""One finding drawn in the box of its severity (st.error / st.warning / st.info: the severities are
named as Streamlit's boxes)."""

import streamlit as st


def finding_card(text: str, severity: str, container=st) -> None:
    """Draw a finding's Markdown (lib.present.cards.finding_markdown) in `container`."""
    getattr(container, severity)(text)
