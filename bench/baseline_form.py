"""The baseline for bench/pages.py: the smallest Streamlit page with one form and a result."""

import streamlit as st

st.title("Baseline form")
with st.form("baseline_form"):
    text = st.text_input("Text", value="hello", key="baseline_text")
    submitted = st.form_submit_button("Submit", key="baseline_submit")
if submitted:
    with st.container(key="baseline_result"):
        st.code(text.upper())
