"""The "Test your endpoint" page in AppTest, against real endpoints on 127.0.0.1."""

import re

import pytest

from lib.endpoint.probe import DEFAULT_URL
from lib.endpoint.safety import ENV_ALLOWED_HOSTS
from lib.widget_keys import ENDPOINT
from lib.zoom.facts import ENV_SDK_KEY, ENV_SDK_SECRET
from support import pages
from support.apptest import open_app_page
from support.credentials import clear_configured_credentials
from support.endpoint_servers import ENDPOINT_SDK_KEY, ENDPOINT_SDK_SECRET, node_endpoint, python_endpoint

PAGE = pages.ENDPOINT.path
RESULT = "endpoint_result"


@pytest.fixture
def endpoint_page(monkeypatch):
    clear_configured_credentials(monkeypatch)
    monkeypatch.delenv(ENV_ALLOWED_HOSTS, raising=False)
    return open_app_page(PAGE)


def rendered(at):
    return "\n".join(str(element.proto) for element in at.main)


def texts(elements):
    return "\n".join(element.value for element in elements)


def shown(elements):
    """texts as the reader sees them: Markdown's backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", texts(elements))


def run_probe(at, url, secret=None, sdk_key=None):
    at.text_input(key=ENDPOINT["url"]).set_value(url)
    if secret:
        at.text_input(key=ENDPOINT["sdk_secret"]).set_value(secret)
    if sdk_key:
        at.text_input(key=ENDPOINT["sdk_key"]).set_value(sdk_key)
    at.button(key=ENDPOINT["run"]).click().run()
    assert not at.exception, at.exception
    return at


def test_the_page_opens_on_the_official_samples_address_and_says_what_it_may_call(endpoint_page):
    assert endpoint_page.text_input(key=ENDPOINT["url"]).value == DEFAULT_URL
    assert "localhost, 127.0.0.0/8, ::1" in texts(endpoint_page.caption)
    assert ENV_ALLOWED_HOSTS in texts(endpoint_page.caption)


def test_a_correct_endpoint_gets_a_clean_matrix_verified_with_the_typed_secret(endpoint_page):
    with python_endpoint() as server:
        at = run_probe(endpoint_page, server.url, ENDPOINT_SDK_SECRET, ENDPOINT_SDK_KEY)
    assert "passes the contract matrix" in texts(at.success)
    table = at.table[0].value
    assert len(table) == 16 and list(table.columns[:4]) == ["request", "status", "time", "content type"]
    assert set(table["verdict"]) == {"✔ ok"}
    assert "endpoint_keeps_meeting_number_text" in texts(at.info)
    assert at.text_input(key=ENDPOINT["sdk_secret"]).value == ""  # the field empties; the secret stays server-side
    assert ENDPOINT_SDK_SECRET not in rendered(at)
    labels = [d.proto.label for d in at.get("download_button")]
    assert labels == ["Download the report (Markdown)", "Download the result (JSON)"]
    shown = at.session_state[RESULT]
    assert ENDPOINT_SDK_SECRET not in shown["markdown"] + shown["json"]
    assert "signature_valid" in shown["json"]


def test_each_breakage_is_shown_with_its_fix(endpoint_page):
    with python_endpoint("role_string_500") as server:
        at = run_probe(endpoint_page, server.url)
    errors = texts(at.error)
    assert "`endpoint_server_error`" in errors and "**Fix:**" in errors and "parseInt" in errors
    assert "Seen in: role\\_as\\_string" in errors or "Seen in: role_as_string" in errors
    row = at.table[0].value.set_index("request").loc['role "1" \\(a string\\)']  # Markdown-escaped cells
    assert row["status"] == "500" and row["verdict"].startswith("✖")


def test_raw_answers_are_untrusted_text_shown_as_code_with_the_secret_removed(endpoint_page):
    with python_endpoint("leaks_secret") as leaking, python_endpoint("html_page") as html_page:
        at = run_probe(endpoint_page, leaking.url, ENDPOINT_SDK_SECRET)
        assert not [c for c in at.code if "clientSecret" in c.value]  # drawn only when opened
        at.session_state[ENDPOINT["answers"]] = True
        at.run()
        assert any('"clientSecret": "[removed]"' in c.value for c in at.code)
        assert ENDPOINT_SDK_SECRET not in rendered(at)
        at = run_probe(at, html_page.url)
    answers = [c for c in at.code if "<script>" in c.value]
    assert answers and all(c.language in (None, "", "plaintext") for c in answers)
    assert "<script>" not in "".join(m.value for m in at.markdown)
    assert not at.get("html") and not at.get("iframe")


def test_a_url_outside_the_allow_list_is_refused_without_a_request(endpoint_page, monkeypatch):
    monkeypatch.setenv(ENV_ALLOWED_HOSTS, "signing.example.com")
    with python_endpoint() as server:
        at = run_probe(endpoint_page, server.url)
        assert server.received == []
    assert "`endpoint_not_allowed`" in texts(at.error)
    assert "signing.example.com" in texts(at.caption)


def test_a_wrong_allow_list_turns_the_probe_off_with_a_message(monkeypatch):
    clear_configured_credentials(monkeypatch)
    monkeypatch.setenv(ENV_ALLOWED_HOSTS, "http://localhost:4000")
    at = open_app_page(PAGE)
    assert "list of allowed hosts is wrong" in texts(at.error)
    assert not at.get("button")


def test_a_wrong_meeting_number_is_refused_with_how_to_write_it(endpoint_page):
    endpoint_page.text_input(key=ENDPOINT["meeting_number"]).set_value("857 46O6 5432")
    at = run_probe(endpoint_page, "http://127.0.0.1:1/")
    assert "only digits" in texts(at.error)
    assert not at.table


def test_the_configured_credentials_verify_without_reaching_the_page(monkeypatch):
    monkeypatch.setenv(ENV_SDK_KEY, ENDPOINT_SDK_KEY)
    monkeypatch.setenv(ENV_SDK_SECRET, ENDPOINT_SDK_SECRET)
    monkeypatch.delenv(ENV_ALLOWED_HOSTS, raising=False)
    at = open_app_page(PAGE)
    at.checkbox(key=ENDPOINT["use_configured"]).check()
    with python_endpoint() as server:
        at = run_probe(at, server.url)
    assert "passes the contract matrix" in texts(at.success)
    assert "signature_valid" in at.session_state[RESULT]["json"]
    assert ENDPOINT_SDK_SECRET not in rendered(at)


def test_an_origin_with_a_path_is_refused_with_how_to_write_it(endpoint_page):
    endpoint_page.text_input(key=ENDPOINT["origin"]).set_value("http://localhost:9999/app")
    at = run_probe(endpoint_page, "http://127.0.0.1:1/")
    assert "no path" in texts(at.error)
    assert not at.table


def test_the_cors_header_star_is_escaped_so_it_shows_as_a_star_not_a_bullet(endpoint_page):
    """st.table renders its cells as Markdown, where a lone * is a bullet: the cell holds \\* (shown as *)."""
    with python_endpoint() as server:
        at = run_probe(endpoint_page, server.url, ENDPOINT_SDK_SECRET)
    table = at.table[0].value
    assert set(table["CORS"]) == {"\\*"}  # the Python endpoint answers CORS on every answer, its 400s too
    assert table.set_index("request").loc["role 0 \\(participant\\)", "content type"] == "application/json"


@pytest.mark.node
def test_an_endpoint_signing_role_as_text_is_shown_as_warnings_not_green(endpoint_page):
    with node_endpoint("role_as_text") as url:
        at = run_probe(endpoint_page, url, ENDPOINT_SDK_SECRET, ENDPOINT_SDK_KEY)
    assert not at.success  # the native request's token has role "undefined" (String(undefined)): an error
    assert "`endpoint_native_token_not_native`" in texts(at.warning) and "native" in shown(at.error)
    finding = texts(at.warning)
    assert "as the official sample does" not in texts(at.error) + finding
    assert "`endpoint_token_warning`" in finding and "role_not_number" in shown(at.warning) and "parseInt" in finding
    table = at.table[0].value.set_index("request")
    assert table.loc["role 0 \\(participant\\)", "verdict"] == "⚠ warning"
    assert table.loc["role 0 \\(participant\\)", "token findings"].startswith("⚠ role\\_not\\_number")


@pytest.mark.node
def test_a_backdated_iat_is_a_warning_that_explains_backdating(endpoint_page):
    with node_endpoint("backdated_iat") as url:
        at = run_probe(endpoint_page, url, ENDPOINT_SDK_SECRET)
    assert not at.success and not at.error
    assert "`endpoint_stale_iat`" in texts(at.warning) and "82045" in texts(at.warning)


@pytest.mark.parametrize("typed", ["localhost:4000", "example.com/api"])
def test_a_url_without_scheme_is_told_to_add_http(endpoint_page, typed):
    at = run_probe(endpoint_page, typed)
    errors = shown(at.error)
    assert "`endpoint_bad_url`" in errors and f"Add http:// in front: `http://{typed}`" in errors
    assert at.button(key=ENDPOINT["from_browser"]).disabled


def test_a_url_that_cannot_be_parsed_gives_a_message_not_a_traceback(endpoint_page):
    at = run_probe(endpoint_page, "http://[::1:4000/")
    assert "`endpoint_bad_url`" in texts(at.error) and "cannot be read as a URL" in shown(at.error)
