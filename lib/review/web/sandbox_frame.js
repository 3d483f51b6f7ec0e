// Runs in the sandboxed frame: start the worker, hand it the job, stop it after the timeout, report once.
// The code's seconds count from when the worker starts it: loading the libraries (jsrsasign is 340 kB) on a
// slow or busy machine is not the code's time; it has a longer limit of its own.
const job = JSON.parse(document.getElementById("job").textContent);
const status = document.getElementById("status");
const worker = new Worker(URL.createObjectURL(new Blob([document.getElementById("worker").textContent])));
let done = false;
const report = (message) => {
  if (done) return;
  done = true;
  clearTimeout(timer);
  worker.terminate();
  status.textContent = message.status === "timeout" ? `Stopped after ${job.timeoutSeconds} s.` : "Finished.";
  parent.postMessage({ channel: job.channel, nonce: job.nonce, ...message }, "*");
};
const notLoaded = {
  status: "threw",
  error: { name: "Error", message: "not loaded", limit: `the sandbox could not load the libraries within ${job.loadSeconds} s` },
};
let timer = setTimeout(() => report(notLoaded), job.loadSeconds * 1000);
worker.onmessage = (event) => {
  if (!event.data.started) {
    report(event.data);
    return;
  }
  clearTimeout(timer);
  timer = setTimeout(() => report({ status: "timeout" }), job.timeoutSeconds * 1000);
};
worker.onerror = (event) => {  // thrown later, by a timer say; a SandboxLimit is still the sandbox's limit
  event.preventDefault();
  const message = String(event.message).replace(/^Uncaught /, ""), limit = /^SandboxLimit: (.*)$/s.exec(message);
  report({ status: "threw", error: { name: "Error", message, limit: limit ? limit[1] : undefined } });
};
worker.postMessage(job);
