// The forum snippet (devforum.zoom.us thread 98154) run for real with crypto-js 4.2.0 and Node's btoa.
// One JSON case per stdin line -> one JSON result per stdout line. A property missing from the case is
// undefined, as in the caller's JavaScript. The clock is pinned so that iat equals the case's iat.
"use strict";
const readline = require("readline");
const CryptoJS = require("crypto-js");

// The snippet, unchanged apart from layout.
function generateSignature(key, secret, meetingNumber, role) {
  const iat = Math.floor(Date.now() / 1000) - 30;
  const exp = iat + 60 * 60 * 2;
  const oHeader = { alg: "HS256", typ: "JWT" };
  const oPayload = { appKey: key, sdkKey: key, meetingNumber: meetingNumber, role: role, iat: iat, exp: exp };
  function HMACSHA256(key, message) {
    const hash = CryptoJS.HmacSHA256(message, key);
    return CryptoJS.enc.Base64.stringify(hash);
  }
  const encodedHeader = btoa(JSON.stringify(oHeader));
  const encodedPayload = btoa(JSON.stringify(oPayload));
  const signature = HMACSHA256(secret, encodedHeader + "." + encodedPayload);
  return signature;
}

// Instruments: record every intermediate value and which call threw, without touching the snippet.
let seen;
const realBtoa = globalThis.btoa;
const realStringify = JSON.stringify;
const realHmac = CryptoJS.HmacSHA256;
globalThis.btoa = (text) => {
  const what = seen.header_b64 === undefined ? "header" : "payload";
  seen.failed_at = `btoa(${what})`;
  const out = realBtoa(text);
  seen[`${what}_b64`] = out;
  return out;
};
JSON.stringify = (value) => {
  const out = realStringify(value);
  seen[seen.header_json === undefined ? "header_json" : "payload_json"] = out;
  return out;
};
CryptoJS.HmacSHA256 = (message, key) => {
  seen.failed_at = "CryptoJS.HmacSHA256";
  seen.signing_input = message;
  const mac = realHmac(message, key);
  seen.hmac_hex = mac.toString(CryptoJS.enc.Hex);
  return mac;
};

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const c = JSON.parse(line);
  seen = {};
  Date.now = () => (c.iat + 30) * 1000;
  const out = {};
  try {
    out.returned = c.call === "forum_called_wrong"
      ? generateSignature(c.meetingNumber, c.role)
      : generateSignature(c.key, c.secret, c.meetingNumber, c.role);
    delete seen.failed_at;
  } catch (e) {
    out.error = { name: e.name, message: e.message };
    if (e.code !== undefined) out.error.code = e.code;
  }
  process.stdout.write(realStringify({ ...seen, ...out }) + "\n");
});
