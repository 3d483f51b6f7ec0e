const jwt = require('jsonwebtoken');
function sign(key, secret, mn, role) {
  const iat = Math.floor(Date.now() / 1000) - 7200;
  const exp = Math.floor(Date.now() / 1000) + 10; // must-not-fire: lifetime_too_short
  const tokenExp = iat + 60 * 60 * 3; // must-not-fire: token_exp_too_short
  return jwt.sign({ appKey: key, mn, role, iat, exp, tokenExp }, secret);
}
module.exports = { sign };
