const jwt = require('jsonwebtoken');
function sign(key, secret, mn, role) {
  const options = { algorithm: 'HS256', expiresIn: '2h' };
  const a = jwt.sign({ appKey: key, sdkKey: key, mn, role, tokenExp: 1 }, secret, options); // must-not-fire: missing_iat
  const b = jwt.sign({ appKey: key, mn, role, tokenExp: 1 }, secret); // must-fire: missing_exp
  const c = jwt.sign({ appKey: key, mn, role, iat: 1, exp: 2, tokenExp: 2 }, secret, { noTimestamp: true }); // must-not-fire: missing_iat
  const d = jwt.sign({ appKey: key, mn, role, exp: 2, tokenExp: 2 }, secret, { noTimestamp: true }); // must-fire: missing_iat
  return [a, b, c, d];
}
module.exports = { sign };
