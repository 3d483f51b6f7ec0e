"""What tests share besides fixtures (tests/conftest.py holds the fixtures only).

One module a topic, each importing only what its topic needs, so a test of lib/ loads neither Playwright nor
Streamlit's AppTest: `paths` (where things are), `cli` (`python -m lib`), `vectors` (the JavaScript signers'
outputs), `credentials` (the server's configured set), `pages` (the app's pages, read from lib/navigation.py),
`properties` (Hypothesis strategies), `apptest` (AppTest), `browser` (Playwright on `streamlit run`), `frames`
(what a Streamlit websocket frame draws), `postgres`, `doctor_cases`, `endpoint_servers`,
`sarif_checks`, `streamlit_session` (a browserless session for the load tests).
"""
