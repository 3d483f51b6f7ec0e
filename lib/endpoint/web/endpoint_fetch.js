// Streamlit v2 component: the main request of the endpoint tester, sent by fetch() from the user's
// browser (the app's origin), as a Web SDK app sends it. What the browser lets the page see comes back
// as the "outcome" state: the status and whether a signature came, or the error fetch() raised (a CORS
// block is a TypeError with no detail: the browser hides the reason from the page). The answer's body
// never leaves the browser. One request per attempt (nonce): reruns of the same attempt send nothing.
export default function ({ data, parentElement, setStateValue }) {
  // parentElement may be a shadow root (no dataset): the attempt's nonce lives on a marker element in it.
  let marker = parentElement.querySelector("span[data-endpoint-fetch]");
  if (!marker) {
    marker = document.createElement("span");
    marker.dataset.endpointFetch = "";
    parentElement.appendChild(marker);
  }
  if (marker.dataset.nonce === data.nonce) {
    return;
  }
  marker.dataset.nonce = data.nonce;
  const started = performance.now();
  const report = (outcome) =>
    setStateValue("outcome", {
      nonce: data.nonce,
      origin: window.location.origin,
      ms: Math.round(performance.now() - started),
      ...outcome,
    });
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), data.timeoutMs);
  fetch(data.url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(data.body),
    redirect: "manual",
    cache: "no-store",
    credentials: "omit",
    signal: timeout.signal,
  })
    .then(async (response) => {
      let signature = false;
      try {
        const answer = await response.json();
        signature = typeof answer?.signature === "string";
      } catch (error) {
        signature = null; // not JSON
      }
      report({ status: response.status, type: response.type, signature });
    })
    .catch((error) => report({ error: `${error.name}: ${error.message}`, aborted: timeout.signal.aborted }))
    .finally(() => clearTimeout(timer));
}
