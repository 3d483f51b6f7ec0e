"""What a Streamlit websocket frame from the server draws: a chart's Vega-Lite spec and its data rows, read
from the ForwardMsg (a chart is a canvas, so its figures are not in the page)."""

import json

import pyarrow
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg


def vega_lite_chart(payload):
    """The VegaLiteChart element this frame adds, else None (text frames and other elements)."""
    if isinstance(payload, str):
        return None
    message = ForwardMsg.FromString(payload)
    if message.WhichOneof("type") != "delta" or message.delta.WhichOneof("type") != "new_element":
        return None
    element = message.delta.new_element
    return element.vega_lite_chart if element.WhichOneof("type") == "vega_lite_chart" else None


def chart_spec(payload):
    """The Vega-Lite spec (a dict) of a chart this frame draws, else None."""
    chart = vega_lite_chart(payload)
    return None if chart is None else json.loads(chart.spec)


def chart_rows(payload):
    """The data rows (dicts) of a chart this frame draws, every dataset's, else None."""
    chart = vega_lite_chart(payload)
    if chart is None:
        return None
    tables = [dataset.data.data for dataset in chart.datasets] + ([chart.data.data] if chart.HasField("data") else [])
    return [row for table in tables for row in pyarrow.ipc.open_stream(table).read_all().to_pylist()]
