"""Signature Lab: the router. Each page is a short script in pages/; the logic lives in lib/.

This file is read two ways. Each script run (`streamlit run`, AppTest) executes it as `__main__`: it
routes the address to its page through st.navigation. And `streamlit run app.py` finds the st.App
below and imports this module once, before serving, so the router also owns the very first run.
"""

import contextlib

import streamlit as st

from lib.navigation import PAGES
from lib.present.html import ACCESSIBLE_CSS
from ui.links import former_address_pages


@contextlib.asynccontextmanager
async def router_owns_every_address(app):
    """Before the first session: never run a file of pages/ on its own.

    Streamlit 1.67 decides per process, in PagesManager.uses_pages_directory: it is set when the first
    session starts, true because pages/ exists, and cleared only when some script calls st.navigation.
    Until then a page's own address (/batch) ran that file without this router (Streamlit's
    automatic menu of file names, narrow layout), and an address that is no file name (/buggy-vs-correct)
    said "Page not found". Clearing it here makes every address go through st.navigation from the start
    (tests/test_direct_links_browser.py opens each page first on a new server).
    """
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    yield


if __name__ == "__main__":
    # An emoji, not an image file: Streamlit turns an image into a favicon with numpy and PIL, whose import
    # cost a new server's first run about 0.2 s (bench/startup.py). Not a Material icon either: the browser
    # fetches those favicons from fonts.gstatic.com, and the app must work offline.
    st.set_page_config(page_title="Signature Lab", page_icon="🔏", layout="wide")
    st.html(ACCESSIBLE_CSS)  # readable code colours and the words screen readers say for our marks (a style sheet)
    pages = [
        st.Page(entry.path, title=entry.title, icon=entry.icon, url_path=entry.url_path, default=index == 0)
        for index, entry in enumerate(PAGES)
    ]
    st.navigation(pages + former_address_pages(PAGES)).run()
else:
    app = st.App(__file__, lifespan=router_owns_every_address)
