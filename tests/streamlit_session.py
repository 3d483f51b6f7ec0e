"""A Streamlit session without a browser: the websocket protocol the frontend speaks, for load tests.

It sends BackMsg rerun requests with widget states and reads ForwardMsgs until the script run ends,
so the server does exactly the work a browser session causes, minus drawing.
"""

import asyncio

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState


class ScriptRun:
    """What one script run sent back: widget ids by user key, keyed blocks, exceptions, the menu's titles."""

    def __init__(self, messages):
        self.widget_ids, self.block_text, self.exceptions, self.page_titles = {}, [], [], []
        for message in messages:
            if message.WhichOneof("type") == "navigation":  # the last one is the menu the run ended with
                self.page_titles = [page.page_name for page in message.navigation.app_pages]
            if message.WhichOneof("type") != "delta":
                continue
            delta = message.delta
            if delta.WhichOneof("type") == "add_block":
                self.block_text.append(str(delta.add_block))
            elif delta.WhichOneof("type") == "new_element":
                element = delta.new_element
                kind = element.WhichOneof("type")
                if kind == "exception":
                    self.exceptions.append(element.exception.message)
                widget_id = getattr(getattr(element, kind), "id", "")
                if widget_id.startswith("$$ID-"):
                    self.widget_ids[widget_id.rsplit("-", 1)[1]] = widget_id

    def has_block(self, key):
        return any(key in text for text in self.block_text)


RUN_TIMEOUT = 60  # seconds a script run may take before the session calls the server stuck


class StreamlitSession:
    def __init__(self, url):
        self.url = url.replace("http://", "ws://") + "/_stcore/stream"
        self.socket = None

    async def __aenter__(self):
        self.socket = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=None)
        return self

    async def __aexit__(self, *exc):
        await self.socket.close()

    async def run(self, page_name, widget_states=()):
        """Rerun the page's script with these widget states; wait for the run to finish."""
        request = BackMsg()
        request.rerun_script.page_name = page_name
        request.rerun_script.widget_states.widgets.extend(widget_states)
        await self.socket.send(request.SerializeToString())
        messages = []
        try:
            async with asyncio.timeout(RUN_TIMEOUT):  # a stuck server fails the session instead of hanging the suite
                while True:
                    message = ForwardMsg.FromString(await self.socket.recv())
                    messages.append(message)
                    if message.WhichOneof("type") == "script_finished":
                        return ScriptRun(messages)
        except TimeoutError:
            raise TimeoutError(f"page {page_name!r}: no script_finished within {RUN_TIMEOUT} s") from None

    async def submit(self, page_name, form):
        """Open the page, fill the form's text fields and press its submit button, as a browser does."""
        opened = await self.run(page_name)
        states = [WidgetState(id=opened.widget_ids[key], string_value=text) for key, text in form.fields.items()]
        states.append(WidgetState(id=opened.widget_ids[form.submit], trigger_value=True))
        return await self.run(page_name, states)
