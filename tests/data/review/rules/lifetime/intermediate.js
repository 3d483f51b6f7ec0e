const jwt = require('jsonwebtoken');
function sign(key, secret, mn, role) {
  const now = Math.floor(Date.now() / 1000);
  const iat = now - 30;
  const exp = iat + 60 * 5; // must-fire: lifetime_too_short
  const tokenExp = iat + 60 * 60 * 2; // must-not-fire: lifetime_too_short
  const a = jwt.sign({ appKey: key, sdkKey: key, mn, role, tokenExp }, secret, { expiresIn: "1800" }); // must-fire: lifetime_too_short
  const b = jwt.sign({ appKey: key, sdkKey: key, mn, role, tokenExp }, secret, { expiresIn: 1800 }); // must-not-fire: lifetime_too_short
  const c = jwt.sign({ appKey: key, sdkKey: key, mn, role, tokenExp }, secret, { expiresIn: "7200s" }); // must-not-fire: lifetime_too_short
  return [exp, a, b, c];
}
module.exports = { sign };
