"""The page benchmark must know how to submit every page's main form."""

from bench.pages import PAGE_FORMS
from lib.navigation import PAGES


def test_every_page_has_a_benchmark_form():
    assert {entry.url_path for entry in PAGES} == set(PAGE_FORMS)
