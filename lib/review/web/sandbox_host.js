// Streamlit v2 component: runs pasted signing code in a frame sandboxed without allow-same-origin (an
// opaque origin: it cannot read this page, its cookies or its storage) whose Content-Security-Policy
// allows no network at all. The frame's document comes from Python as data (lib/review/sandbox.py);
// its one message back (the value returned, the error thrown, or a timeout) becomes the "result" state.
export default function ({ data, parentElement, setStateValue }) {
  const previous = parentElement.querySelector("iframe");
  if (previous && previous.dataset.nonce === data.nonce) {
    return previous.stop;
  }
  if (previous) {
    previous.stop();
  }
  const frame = document.createElement("iframe");
  frame.dataset.nonce = data.nonce;
  frame.setAttribute("sandbox", "allow-scripts");
  frame.title = data.title;
  frame.style.cssText = "width: 100%; height: 3.2rem; border: 1px solid rgba(128, 128, 128, 0.4); border-radius: 4px;";
  const relay = (event) => {
    const message = event.data;
    if (event.source !== frame.contentWindow) return;
    if (!message || message.channel !== data.channel || message.nonce !== data.nonce) return;
    setStateValue("result", message);
  };
  window.addEventListener("message", relay);
  frame.stop = () => {
    window.removeEventListener("message", relay);
    frame.remove();
  };
  frame.srcdoc = data.document;
  parentElement.appendChild(frame);
  return frame.stop;
}
