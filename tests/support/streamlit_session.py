"""A Streamlit session without a browser: the websocket protocol the frontend speaks, for load tests.

It sends BackMsg rerun requests with widget states and reads ForwardMsgs until the script run ends,
so the server does exactly the work a browser session causes, minus drawing. Like a browser's address
bar, the session keeps the page's query string: it sends it with every rerun and takes the one the
server sets (st.query_params), so a page that keeps state in its address works as in a browser.
"""

import asyncio

import pyarrow
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState


class ScriptRun:
    """What one script run sent back: widget ids by user key, keyed blocks, exceptions, the menu's titles,
    and what the tests read of a page: multiselect options, metrics, alerts, tables, timed fragments."""

    def __init__(self, messages):
        self.widget_ids, self.block_text, self.exceptions, self.page_titles = {}, [], [], []
        self.options, self.metrics, self.alerts, self.tables, self.auto_reruns = {}, {}, [], [], {}
        self.query_string = None  # the query string the run set, if it set one
        for message in messages:
            kind = message.WhichOneof("type")
            if kind == "navigation":  # the last one is the menu the run ended with (hidden pages are no part of it)
                self.page_titles = [page.page_name for page in message.navigation.app_pages if not page.is_hidden]
            elif kind == "page_info_changed":
                self.query_string = message.page_info_changed.query_string
            elif kind == "auto_rerun":  # a fragment the browser reruns every interval seconds
                self.auto_reruns[message.auto_rerun.fragment_id] = message.auto_rerun.interval
            elif kind == "delta":
                self._read_delta(message.delta)

    def _read_delta(self, delta):
        if delta.WhichOneof("type") == "add_block":
            self.block_text.append(str(delta.add_block))
        elif delta.WhichOneof("type") == "new_element":
            element = delta.new_element
            kind = element.WhichOneof("type")
            if kind == "exception":
                self.exceptions.append(element.exception.message)
            elif kind == "alert":
                self.alerts.append(element.alert.body)
            elif kind == "metric":
                self.metrics[element.metric.label] = element.metric.body
            elif kind == "dataframe":
                self.tables.append(pyarrow.ipc.open_stream(element.dataframe.arrow_data.data).read_all().to_pylist())
            widget_id = getattr(getattr(element, kind), "id", "")
            if widget_id.startswith("$$ID-"):
                key = widget_id.rsplit("-", 1)[1]
                self.widget_ids[key] = widget_id
                if kind == "multiselect":
                    self.options[key] = list(element.multiselect.options)

    def has_block(self, key):
        return any(key in text for text in self.block_text)

    def keys_starting(self, prefix):
        """The user keys of this run's widgets that start with prefix."""
        return [key for key in self.widget_ids if key.startswith(prefix)]


RUN_TIMEOUT = 60  # seconds a script run may take before the session calls the server stuck


def widget_state(widget_id, value):
    """A widget's state as the frontend sends it: text, a multiselect's picked labels, a checkbox."""
    if isinstance(value, str):
        return WidgetState(id=widget_id, string_value=value)
    if isinstance(value, bool):
        return WidgetState(id=widget_id, bool_value=value)
    return WidgetState(id=widget_id, string_array_value={"data": list(value)})


class StreamlitSession:
    def __init__(self, url, query_string="", on_sent=None):
        self.url = url.replace("http://", "ws://") + "/_stcore/stream"
        self.socket = None
        self.query_string = query_string  # what follows '?' in the browser's address, e.g. "learner=KEY"
        self.on_sent = on_sent  # called with each rerun request once it is on its way to the server

    async def __aenter__(self):
        self.socket = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=None)
        return self

    async def __aexit__(self, *exc):
        await self.socket.close()

    async def run(self, page_name, widget_states=(), fragment_id=""):
        """Rerun the page's script (or one of its fragments) with these widget states; wait for the run to end."""
        request = BackMsg()
        request.rerun_script.page_name = page_name
        request.rerun_script.query_string = self.query_string
        request.rerun_script.widget_states.widgets.extend(widget_states)
        if fragment_id:
            request.rerun_script.fragment_id = fragment_id
            request.rerun_script.is_auto_rerun = True
        await self.socket.send(request.SerializeToString())
        if self.on_sent:
            self.on_sent(request.rerun_script)
        messages = []
        try:
            async with asyncio.timeout(RUN_TIMEOUT):  # a stuck server fails the session instead of hanging the suite
                while True:
                    message = ForwardMsg.FromString(await self.socket.recv())
                    messages.append(message)
                    if message.WhichOneof("type") == "script_finished":
                        break
        except TimeoutError:
            raise TimeoutError(f"page {page_name!r}: no script_finished within {RUN_TIMEOUT} s") from None
        finished = ScriptRun(messages)
        if finished.query_string is not None:  # the browser's address follows st.query_params
            self.query_string = finished.query_string
        return finished

    async def press(self, page_name, shown, button, values=None):
        """On the page as the run `shown` left it, set these widgets (user key -> value) and press the button
        (a form's submit button sends the form's values with it, as a browser does)."""
        states = [widget_state(shown.widget_ids[key], value) for key, value in (values or {}).items()]
        states.append(WidgetState(id=shown.widget_ids[button], trigger_value=True))
        return await self.run(page_name, states)

    async def submit(self, page_name, form):
        """Open the page, fill the form's text fields and press its submit button, as a browser does."""
        return await self.press(page_name, await self.run(page_name), form.submit, form.fields)
