// A Meeting SDK auth endpoint written after the contract of Zoom's official sample
// (zoom/meetingsdk-auth-endpoint-sample, src/index.js and src/validations.js): express + cors + jsrsasign,
// POST {meetingNumber, role, expirationSeconds?, videoWebRtcMode?} -> {signature, sdkKey}, HTTP 400
// {errors: [{property, reason}]} for a bad request. VARIANT switches on one deliberate breakage, so the
// endpoint tests (tests/test_endpoint_node.py) can check that the probe names it.
//
//   PORT=0 VARIANT=correct ZOOM_MEETING_SDK_KEY=... ZOOM_MEETING_SDK_SECRET=... node auth_endpoint.js
//
// It listens on 127.0.0.1 only and prints {"port": N} on its first line once it listens.
"use strict";
const express = require("express");
const cors = require("cors");
const KJUR = require("jsrsasign");

const VARIANTS = [
  "correct",
  "no_cors",
  "mac_only",
  "ignores_role",
  "cached",
  "role_string_500",
  "leaks_secret",
  "html_error",
  "role_as_text", // signs role as a string: String(role), as endpoints that template their payload do
  "backdated_iat", // sets iat five minutes back on purpose, the workaround of Zoom's forum thread 82045
];
const BACKDATE_SECONDS = 300;
const variant = process.env.VARIANT || "correct";
if (!VARIANTS.includes(variant)) {
  console.error(`unknown VARIANT ${variant}; use one of ${VARIANTS.join(", ")}`);
  process.exit(2);
}
const sdkKey = process.env.ZOOM_MEETING_SDK_KEY;
const sdkSecret = process.env.ZOOM_MEETING_SDK_SECRET;

// src/validations.js, condensed: each rule answers an error object or nothing.
const inNumberArray = (values) => (property, value) =>
  value === undefined || values.includes(value) ? null : { property, reason: `must be one of ${values}` };
const isBetween = (low, high) => (property, value) =>
  value === undefined || (typeof value === "number" && value >= low && value <= high)
    ? null
    : { property, reason: `must be between ${low} and ${high}` };
const propValidations = {
  role: inNumberArray([0, 1]),
  expirationSeconds: isBetween(1800, 172800),
  videoWebRtcMode: inNumberArray([0, 1]),
};
function validateRequest(body) {
  const errors = Object.entries(propValidations)
    .map(([property, rule]) => rule(property, body[property]))
    .filter(Boolean);
  const given = ["meetingNumber", "role"].filter((name) => body[name] !== undefined);
  if (given.length === 1) {
    errors.push({ property: "meetingNumber, role", reason: "meetingNumber and role are required together" });
  }
  return errors;
}
// The sample parseInt's string numbers before validating them.
const coerceRequestBody = (body) => ({
  ...body,
  ...Object.fromEntries(
    ["role", "expirationSeconds", "videoWebRtcMode"].map((name) => [
      name,
      typeof body[name] === "string" ? parseInt(body[name]) : body[name],
    ]),
  ),
});

function sign(requestBody) {
  const { meetingNumber, role, expirationSeconds, videoWebRtcMode } = requestBody;
  const iat = Math.floor(Date.now() / 1000) - (variant === "backdated_iat" ? BACKDATE_SECONDS : 0);
  const exp = expirationSeconds ? iat + expirationSeconds : iat + 60 * 60 * 2;
  const oHeader = { alg: "HS256", typ: "JWT" };
  const oPayload = {
    appKey: sdkKey,
    sdkKey: sdkKey,
    mn: meetingNumber,
    role: variant === "ignores_role" ? 0 : variant === "role_as_text" ? String(role) : role,
    iat,
    exp,
    tokenExp: exp,
    video_webrtc_mode: videoWebRtcMode,
  };
  const token = KJUR.jws.JWS.sign("HS256", JSON.stringify(oHeader), JSON.stringify(oPayload), sdkSecret);
  return variant === "mac_only" ? token.split(".")[2] : token;
}

const app = express();
app.use(express.json());
if (variant !== "no_cors") {
  app.use(cors());
  app.options("*", cors());
}

let cachedSignature = null;
app.post("/", (req, res) => {
  if (variant === "html_error") {
    return res.status(500).type("html").send("<!DOCTYPE html><html><body><h1>Internal Server Error</h1>" +
      "<script>document.title='pwned'</script><pre>TypeError: Cannot read properties of undefined</pre></body></html>");
  }
  if (variant === "role_string_500" && typeof req.body.role === "string") {
    return res.status(500).json({ message: "role.toFixed is not a function" });
  }
  const requestBody = coerceRequestBody(req.body);
  const errors = validateRequest(requestBody);
  if (errors.length > 0) {
    return res.status(400).json({ errors });
  }
  if (variant === "cached") {
    cachedSignature = cachedSignature || sign(requestBody);
    return res.json({ signature: cachedSignature, sdkKey });
  }
  const answer = { signature: sign(requestBody), sdkKey };
  if (variant === "leaks_secret") {
    answer.sdkSecret = sdkSecret;
  }
  return res.json(answer);
});

const server = app.listen(Number(process.env.PORT || 4000), "127.0.0.1", () => {
  console.log(JSON.stringify({ port: server.address().port }));
});
