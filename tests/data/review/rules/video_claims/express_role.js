const { KJUR } = require('jsrsasign');

function handler(req, res) {
  const role = req.body.role; // must-fire: role_type_not_number
  const iat = Math.floor(Date.now() / 1000);
  const payload = { app_key: process.env.KEY, tpc: req.body.sessionName, role_type: role, version: 1, iat, exp: iat + 7200 }; // must-not-fire: role_type_not_number
  res.json({ signature: KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), process.env.SECRET) });
}
module.exports = { handler };
