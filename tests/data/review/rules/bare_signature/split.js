const jwt = require('jsonwebtoken');
function generateSignature(key, secret, mn, role) {
  const iat = Math.floor(Date.now() / 1000);
  const token = jwt.sign({ appKey: key, mn, role, iat, exp: iat + 7200, tokenExp: iat + 7200 }, secret);
  return token.split('.')[2]; // must-fire
}
function generateToken(key, secret, mn, role) {
  const iat = Math.floor(Date.now() / 1000);
  const token = jwt.sign({ appKey: key, mn, role, iat, exp: iat + 7200, tokenExp: iat + 7200 }, secret);
  return token.split('.')[1] ? token : null; // must-not-fire
}
module.exports = { generateSignature, generateToken };
