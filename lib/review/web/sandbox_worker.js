// Runs in the sandboxed frame's worker: load the libraries, the shims (a frozen clock, the demo credentials),
// then the code, then call its signing function and post back what it returned or threw, once.
self.onmessage = async (event) => {
  const job = event.data;
  const load = (text) => importScripts(URL.createObjectURL(new Blob([text], { type: "text/javascript" })));
  for (const library of job.libraries) load(library);
  const frozen = job.nowMs, RealDate = Date;
  self.Date = class extends RealDate {
    constructor(...values) { if (values.length) super(...values); else super(frozen); }
    static now() { return frozen; }
  };
  const cryptoParts = { "hmac-sha256": "HmacSHA256", "sha256": "SHA256" };
  const encodings = { "enc-base64": "Base64", "enc-base64url": "Base64url", "enc-utf8": "Utf8", "enc-hex": "Hex" };
  self.require = (name) => {
    const [base, part] = name.split("/");
    if (base === "crypto-js" && self.CryptoJS) {
      if (!part) return self.CryptoJS;
      if (cryptoParts[part]) return self.CryptoJS[cryptoParts[part]];
      if (encodings[part]) return self.CryptoJS.enc[encodings[part]];
    }
    if (name === "jsrsasign" && self.KJUR) return self;
    if (name === "js-base64" && self.Base64) return self.Base64;
    throw new Error(`require("${name}"): not available here (no network, no Node.js modules)`);
  };
  self.module = { exports: {} };
  self.exports = self.module.exports;
  const credential = (name) => /SECRET/i.test(name) ? job.secret : /KEY|CLIENT_?ID/i.test(name) ? job.key : undefined;
  self.process = { env: new Proxy({}, { get: (target, name) => typeof name === "string" ? credential(name) : undefined }) };
  self.getCookie = () => job.secret;
  self.localStorage = self.sessionStorage = { getItem: () => job.secret, setItem() {}, removeItem() {} };
  const describe = (error) => ({ name: String(error && error.name || "Error"), message: String(error && error.message || error) });
  let topLevel = null;
  try { load(job.script); } catch (error) { topLevel = describe(error); }
  let signer;
  try { signer = (0, eval)(job.function); } catch (error) { signer = undefined; }
  if (typeof signer !== "function") {
    self.postMessage({ status: "no_function", topLevel });
    return;
  }
  try {
    let value = signer(...job.arguments);
    if (value && typeof value.then === "function") value = await value;
    if (value && typeof value === "object" && typeof value.signature === "string") value = value.signature;
    self.postMessage({ status: "returned", value: typeof value === "string" ? value : String(JSON.stringify(value)), topLevel });
  } catch (error) {
    self.postMessage({ status: "threw", error: describe(error), topLevel });
  }
};
