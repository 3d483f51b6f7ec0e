"""Signature Lab: the router. Each page is a short script in pages/; the logic lives in lib/."""

import streamlit as st

from lib.navigation import PAGES

st.set_page_config(page_title="Signature Lab", page_icon="assets/icon.png", layout="wide")
pages = [
    st.Page(entry.path, title=entry.title, icon=entry.icon, url_path=entry.url_path, default=index == 0)
    for index, entry in enumerate(PAGES)
]
st.navigation(pages).run()
