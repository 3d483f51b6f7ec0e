"""Two people on one server at the same time (issue 7, 3b): neither browser ever gets the other's values.

Two browser contexts are two Streamlit sessions. Each signs with its own key, meeting number and
secret, then takes its token and secret to the Token doctor. The scan covers every frame's HTML,
every request and every websocket frame each browser sent or received.
"""

from contextlib import ExitStack
from dataclasses import dataclass

import jwt
import pytest

from bench.browser import wait_rendered
from conftest import Traffic, all_frames_html, click_and_wait, open_app, record_traffic, run_finished
from lib.signing.encoding import secret_fingerprint
from lib.widget_keys import BUILDER, INSPECTOR

pytestmark = pytest.mark.browser


@dataclass
class Person:
    sdk_key: str
    secret: str
    meeting_number: str
    traffic: Traffic = None  # every request and websocket frame of this person's browser
    page: object = None
    token: str = ""

    def values(self):
        """What must never reach the other person's browser."""
        return [self.sdk_key, self.secret, secret_fingerprint(self.secret), self.meeting_number, self.token]


def both(people, click):
    """Click in both browsers before waiting for either, so the two script runs overlap on the server."""
    with ExitStack() as waits:
        for person in people:
            waits.enter_context(run_finished(person.page))
        for person in people:
            click(person).click()
    for person in people:
        wait_rendered(person.page)


@pytest.fixture
def people(browser, streamlit_url):
    alice = Person("AliceKeyAAAA1111", "alice-secret-0123456789-abcdefghijklmnop", "81112223334")
    bob = Person("BobKeyBBBB2222", "bob-secret-9876543210-zyxwvutsrqponmlkjih", "92223334445")
    contexts = []
    for person in (alice, bob):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        contexts.append(context)
        person.traffic = record_traffic(context)
        person.page = open_app(context, streamlit_url)
    yield alice, bob
    for context in contexts:
        context.close()


def test_two_sessions_at_once_never_see_each_others_secret_or_token(people):
    alice, bob = people

    def fill_builder(person):
        for name, value in (("sdk_key", person.sdk_key), ("sdk_secret", person.secret)):
            person.page.locator(f".st-key-{BUILDER[name]} input").fill(value)
        person.page.locator(f".st-key-{BUILDER['meeting_number']} input").fill(person.meeting_number)

    for person in people:
        fill_builder(person)
    both(people, lambda p: p.page.locator(f".st-key-{BUILDER['submit']} button"))
    for person in people:
        person.token = person.page.locator(f".st-key-{BUILDER['token']} code").inner_text().strip()
        claims = jwt.decode(person.token, person.secret, algorithms=["HS256"])
        assert (claims["appKey"], claims["mn"]) == (person.sdk_key, person.meeting_number)

    both(people, lambda p: p.page.locator("[data-testid='stSidebarNavLink'][href$='/token-doctor']"))
    for person in people:  # in-app navigation keeps the session: the builder's token and secret come along
        click_and_wait(person.page, person.page.locator(f".st-key-{INSPECTOR['load_builder_token']} button"))
        shared = person.page.locator(f".st-key-{INSPECTOR['use_shared_secret']}")
        assert secret_fingerprint(person.secret) in shared.inner_text()
        shared.locator("label").click()
    both(people, lambda p: p.page.locator(f".st-key-{INSPECTOR['submit']} button"))
    for person in people:
        person.page.locator(f".st-key-{INSPECTOR['findings']}").wait_for()
        assert "Signature verified" in person.page.locator(f".st-key-{INSPECTOR['verification']}").inner_text()

    for person in people:  # the redacted report: a download, recorded with the rest
        with person.page.expect_download():
            person.page.locator(f".st-key-{INSPECTOR['report']} button").click()
        assert len(person.traffic.downloads) == 1

    for person, other in ((alice, bob), (bob, alice)):
        html = "\n".join(all_frames_html(person.page))
        traffic = person.traffic.everything()
        assert person.token in html and person.token.encode() in traffic  # the scan can see a token
        assert person.secret not in html  # one's own secret is sent once, never drawn
        for value in other.values():
            assert value not in html, f"{value[:12]}… of the other session is in the page"
            assert value.encode() not in traffic, f"{value[:12]}… of the other session went over the wire"
