const jwt = require('jsonwebtoken');

// The payload built by one helper from a partial input, signed by another whose options add exp.
const build = (input) => ({ app_key: process.env.KEY, tpc: input.tpc, role_type: input.role_type || 0, version: 1, iat: input.iat }); // must-not-fire: missing_exp
const signWith = (payload, secret) => jwt.sign(payload, secret, { algorithm: 'HS256', expiresIn: '2h' });

function token(tpc, roleType) {
  const iat = Math.floor(Date.now() / 1000);
  return signWith(build({ iat, tpc, role_type: roleType }), process.env.SECRET); // must-not-fire: missing_app_key, missing_exp
}
module.exports = { token };
