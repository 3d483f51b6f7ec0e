const jwt = require('jsonwebtoken');

// The same helpers, but nothing adds exp: the payload lacks it.
const build = (input) => ({ app_key: process.env.KEY, tpc: input.tpc, role_type: 0, version: 1, iat: input.iat }); // must-fire: missing_exp
const signWith = (payload, secret) => jwt.sign(payload, secret, { algorithm: 'HS256' });

function token(tpc) {
  return signWith(build({ iat: Math.floor(Date.now() / 1000), tpc }), process.env.SECRET); // must-not-fire: missing_app_key, missing_exp
}
module.exports = { token };
