// A Video SDK auth endpoint written after the contract of zoom/videosdk-auth-endpoint-sample (src/index.js and
// src/validations.js): express + cors + jsrsasign, POST {sessionName, role, expirationSeconds?, userIdentity?,
// sessionKey?, ...} -> {signature}, HTTP 400 {errors: [{property, reason}]} for a bad request. VARIANT switches on
// one deliberate breakage so tests/test_endpoint_videosdk.py can check that the probe names it.
//
//   PORT=0 VARIANT=correct ZOOM_VIDEO_SDK_KEY=... ZOOM_VIDEO_SDK_SECRET=... node videosdk_endpoint.js
//
// It listens on 127.0.0.1 only and prints {"port": N} on its first line once it listens.
"use strict";
const express = require("express");
const cors = require("cors");
const { coerceRequestBody, videoSdkSignature } = require("./videosdk_sample_signer");

const VARIANTS = [
  "correct",
  "fixed_session", // signs one session name whatever the request asks for
  "no_validation", // signs every request as it comes (role "1" stays text, no length limits)
];
const variant = process.env.VARIANT || "correct";
if (!VARIANTS.includes(variant)) {
  console.error(`unknown VARIANT ${variant}; use one of ${VARIANTS.join(", ")}`);
  process.exit(2);
}

// src/validations.js, condensed: each rule answers an error object or nothing.
const isRequired = (property, value) => (value === undefined ? { property, reason: "required" } : null);
const inNumberArray = (values) => (property, value) =>
  value === undefined || (typeof value === "number" && values.includes(value))
    ? null
    : { property, reason: `must be one of ${values}` };
const isBetween = (low, high) => (property, value) =>
  value === undefined || (typeof value === "number" && value >= low && value <= high)
    ? null
    : { property, reason: `must be between ${low} and ${high}` };
const isLengthLessThan = (max) => (property, value) =>
  value === undefined || (typeof value === "string" && value.length <= max)
    ? null
    : { property, reason: `at most ${max} characters` };
const validator = {
  role: [isRequired, inNumberArray([0, 1])],
  sessionName: [isRequired, isLengthLessThan(200)],
  expirationSeconds: [isBetween(1800, 172800)],
  userIdentity: [isLengthLessThan(35)],
  sessionKey: [isLengthLessThan(36)],
};
const validateRequest = (body) =>
  Object.entries(validator).flatMap(([property, rules]) => rules.map((rule) => rule(property, body[property]))).filter(Boolean);

const app = express();
app.use(express.json(), cors());
app.options("*", cors());
app.post("/", (req, res) => {
  const body = variant === "no_validation" ? req.body : coerceRequestBody(req.body);
  const errors = variant === "no_validation" ? [] : validateRequest(body);
  if (errors.length > 0) return res.status(400).json({ errors });
  const asked = variant === "fixed_session" ? { ...body, sessionName: "lobby" } : body;
  return res.json({
    signature: videoSdkSignature(asked, process.env.ZOOM_VIDEO_SDK_KEY, process.env.ZOOM_VIDEO_SDK_SECRET),
  });
});

const server = app.listen(Number(process.env.PORT || 4000), "127.0.0.1", () => {
  console.log(JSON.stringify({ port: server.address().port }));
});
