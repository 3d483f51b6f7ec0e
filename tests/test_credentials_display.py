"""Configured credentials, secret choice, fingerprints and the display helpers."""

from lib.builder.credentials import choose_secret, configured_credentials
from lib.present.display import describe_time, relative_time
from lib.present.html import SEGMENT_COLOURS, colour_token_html
from lib.signing.encoding import secret_fingerprint
from lib.zoom.facts import DEMO_SDK_SECRET, ENV_SDK_KEY, ENV_SDK_SECRET

SECRET = "credential-test-secret-0123456789-abcdef"


def test_secrets_table_wins_over_environment():
    env = {ENV_SDK_KEY: "envkey", ENV_SDK_SECRET: "envsecret"}
    table = {"sdk_key": "tomlkey", "sdk_secret": SECRET}
    assert configured_credentials(env, table).sdk_key == "tomlkey"
    assert configured_credentials(env, None).sdk_key == "envkey"
    assert configured_credentials({ENV_SDK_KEY: "only-key"}, {"sdk_key": "k"}) is None


def test_credentials_repr_hides_the_secret():
    credentials = configured_credentials({}, {"sdk_key": "k", "sdk_secret": SECRET})
    assert SECRET not in repr(credentials) and SECRET not in credentials.fingerprint


def test_secret_choice_order():
    configured = configured_credentials({}, {"sdk_key": "k", "sdk_secret": "conf"})
    assert choose_secret("typed", True, configured, "kept").secret == "conf"
    assert choose_secret("typed", False, configured, "kept").secret == "typed"
    assert choose_secret("", False, configured, "kept").secret == "kept"
    demo = choose_secret("", True, None, None)
    assert demo.secret == DEMO_SDK_SECRET and demo.is_demo


def test_fingerprint_is_length_and_sha256_prefix():
    assert secret_fingerprint("abc") == "3 characters · sha256 ba7816bf…"


def test_coloured_token_escapes_and_colours_three_parts():
    rendered = colour_token_html('aa.b_b.<script>"')
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    for name, colour in SEGMENT_COLOURS.items():  # each part coloured, and named for a screen reader
        assert f'<span class="sl-part" data-part="{name}" title="{name}" style="color:{colour}">' in rendered
    assert rendered.count('class="sl-part"') == 3


def test_times_are_utc_and_relative():
    assert describe_time(1700000000, 1700000000) == "2023-11-14 22:13:20 UTC (now)"
    assert describe_time(1700007200, 1700000000).endswith("(in 2 h 0 min)")
    assert "milliseconds" in describe_time(1700000000000, 1700000000)
    assert "not an integer" in describe_time("1700000000", 0)
    assert relative_time(-125) == "2 min 5 s ago" and relative_time(3 * 86400) == "in 3 days 0 h"
