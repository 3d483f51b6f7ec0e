"""The shared components of ui/, each in a small AppTest script: what a page gets when it draws with them."""

from streamlit.testing.v1 import AppTest

from lib.signing.encoding import secret_fingerprint

SECRET = "a-typed-secret-of-thirty-two-bytes-at-least"


def kept_secret_script():
    import streamlit as st

    from ui.credentials import KeptSecret

    secret = KeptSecret("field", "kept", "typed")
    with st.form("form"):
        secret.field("Secret", "help")
        submitted = st.form_submit_button("Go", key="go", on_click=secret.keep_typed)
    secret.forget_button("forget")
    if submitted:
        st.session_state["used"] = secret.take_typed() or secret.kept


def test_a_kept_secret_leaves_the_field_and_shows_only_its_fingerprint():
    at = AppTest.from_function(kept_secret_script).run()
    assert [b.key for b in at.button] == ["go"]  # nothing kept yet: nothing to forget
    at.text_input(key="field").set_value(SECRET)
    at.button(key="go").click().run()
    assert at.text_input(key="field").value == ""
    assert at.session_state["used"] == SECRET and at.session_state["kept"] == SECRET
    assert "typed" not in at.session_state  # handed once, from the callback to the script
    assert at.text_input(key="field").placeholder == f"kept on the server: {secret_fingerprint(SECRET)}"
    at.button(key="go").click().run()  # nothing typed: the kept secret is used
    assert at.session_state["used"] == SECRET
    at.button(key="forget").click().run()
    assert "kept" not in at.session_state and at.text_input(key="field").placeholder == "not given"
    assert [b.key for b in at.button] == ["go"]  # the forget button shows only while a secret is kept


def configured_script():
    import streamlit as st

    from ui.credentials import configured_table, configured_zoom_credentials

    st.session_state["table"] = configured_table("zoom")
    st.session_state["other"] = configured_table("nothing_here")
    configured = configured_zoom_credentials()
    st.session_state["configured"] = (configured.sdk_key, configured.source) if configured else None


def test_configured_secrets_are_read_one_way(monkeypatch):
    for name in ("ZOOM_MEETING_SDK_KEY", "ZOOM_MEETING_SDK_SECRET"):
        monkeypatch.delenv(name, raising=False)
    at = AppTest.from_function(configured_script).run()  # no secrets.toml: no table, no exception
    assert not at.exception and at.session_state["table"] is None and at.session_state["configured"] is None
    at = AppTest.from_function(configured_script)
    at.secrets["zoom"] = {"sdk_key": "ConfiguredKey", "sdk_secret": SECRET}
    at.run()
    assert at.session_state["configured"] == ("ConfiguredKey", "secrets.toml [zoom]")
    assert at.session_state["other"] is None


def lazy_script():

    from lib.present.cards import finding_markdown
    from ui.findings import finding_card
    from ui.source import lazy_expander, source_expander
    from ui.verdict import verdict_box

    verdict_box("warning", "the verdict", "verdict")
    finding_card(finding_markdown("Title", "message", code="a_code"), "error")
    source_expander("Source", "source", finding_markdown)
    box = lazy_expander("Lazy", "lazy")
    if box is not None:
        box.code("drawn", language=None)


def test_lazy_expanders_draw_only_when_open():
    at = AppTest.from_function(lazy_script).run()
    assert [w.value for w in at.warning] == ["the verdict"] and at.error[0].value.startswith("**Title** (`a_code`)")
    assert not at.code
    at.session_state["source"] = True  # what opening the expander sends
    at.session_state["lazy"] = True
    codes = [c.value for c in at.run().code]
    assert codes[0].startswith("def finding_markdown(") and codes[1] == "drawn"


def family_script():
    import streamlit as st

    from ui.family import family_selector

    st.session_state["hint"] = family_selector("guess")
    st.session_state["stated"] = family_selector("stated", allow_unknown=False)


def test_the_family_selector_offers_every_sdk_and_returns_lib_s_hint():
    at = AppTest.from_function(family_script).run()
    guess, stated = at.selectbox(key="guess"), at.selectbox(key="stated")
    assert guess.label == "Which SDK joins with this token?"
    assert guess.options[0] == "Work it out from the token" and len(guess.options) == 4
    assert stated.options == guess.options[1:]
    assert any("native" in option for option in guess.options) and "Video SDK" in guess.options
    assert at.session_state["hint"] is None and at.session_state["stated"] == "web"
    for sdk in ("web", "native", "video", None):
        at.selectbox(key="guess").set_value(sdk).run()
        assert at.session_state["hint"] == sdk
