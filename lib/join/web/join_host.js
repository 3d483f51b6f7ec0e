// Streamlit v2 component: hosts the meeting frame (static/join-frame.html, served by Streamlit at
// /app/static/) and relays between it and Python. Once the frame has loaded, the join settings go
// to it by postMessage (never in its URL); its outcome messages come back as the "outcome" state.
// A rerun with the same join attempt (same nonce) keeps the running meeting; a new attempt replaces it.
export default function ({ data, parentElement, setStateValue }) {
  const previous = parentElement.querySelector("iframe");
  if (previous && previous.dataset.nonce === data.nonce) {
    return previous.leave;
  }
  if (previous) {
    previous.leave();
  }
  const frame = document.createElement("iframe");
  frame.dataset.nonce = data.nonce;
  frame.title = data.title;
  frame.allow = "camera; microphone; display-capture; autoplay; fullscreen; clipboard-write";
  frame.style.cssText = `width: 100%; height: ${data.height}px; border: 0;`;
  const report = (outcome) => setStateValue("outcome", { channel: data.channel, nonce: data.nonce, ...outcome });
  const relay = (event) => {
    const message = event.data;
    if (event.source !== frame.contentWindow || event.origin !== window.origin) return;
    if (!message || message.channel !== data.channel || message.nonce !== data.nonce) return;
    setStateValue("outcome", message);
  };
  const sendSettings = () => {
    if (!frame.contentDocument || !frame.contentDocument.getElementById("join-status")) {
      report({ status: "frame_missing", reason: "", detail: data.frameUrl });
      return;
    }
    const settings = { channel: data.channel, nonce: data.nonce, config: data.config };
    frame.contentWindow.postMessage(settings, window.origin);
  };
  window.addEventListener("message", relay);
  frame.addEventListener("load", sendSettings);
  frame.leave = () => {
    window.removeEventListener("message", relay);
    frame.remove();
  };
  frame.src = data.frameUrl;
  parentElement.appendChild(frame);
  return frame.leave;
}
