"""Signature Lab: the router. Each page is a short script in pages/; the logic lives in lib/."""

import streamlit as st

st.set_page_config(page_title="Signature Lab", page_icon=":material/key:", layout="wide")

pages = [
    st.Page("pages/builder.py", title="Signature builder", icon=":material/build:", url_path="builder", default=True),
]
st.navigation(pages).run()
