"""The app in Streamlit's AppTest: a page opened and a form submitted, without a browser."""

from streamlit.testing.v1 import AppTest

from support.paths import APP_FILE


def open_app_page(path, state=None, timeout=30):
    """The app opened on the page `path` (a PageEntry's script), its session state preset as earlier pages
    leave it."""
    at = AppTest.from_file(APP_FILE, default_timeout=timeout)
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.run()
    at.switch_page(path).run()
    assert not at.exception, at.exception
    return at


def submit_form(at, submit_key, widget_values):
    """Set each (widget, value) pair, press the form's submit button, and expect no exception."""
    for widget, value in widget_values:
        widget.set_value(value)
    at.button(key=submit_key).click().run()
    assert not at.exception, at.exception
    return at
