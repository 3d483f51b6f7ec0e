const { KJUR } = require('jsrsasign');

function sign(payload) {
  return KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), process.env.SECRET);
}

function tokens(key, sessionName, iat, exp) {
  const encoded = { app_key: key, tpc: encodeURIComponent(sessionName), role_type: 0, version: 1, iat, exp }; // must-fire
  const asTyped = { app_key: key, tpc: sessionName, role_type: 0, version: 1, iat, exp }; // must-not-fire
  const decoded = { app_key: key, tpc: decodeURIComponent(sessionName), role_type: 0, version: 1, iat, exp }; // must-not-fire
  const lower = { app_key: key, tpc: sessionName.toLowerCase(), role_type: 0, version: 1, iat, exp }; // must-not-fire
  const topic = escape(sessionName); // must-fire
  const viaName = { app_key: key, tpc: topic, role_type: 0, version: 1, iat, exp };
  const noTopicEncoded = { app_key: key, role_type: 0, version: 1, iat, exp, session_key: encodeURIComponent(sessionName) }; // must-not-fire
  return [encoded, asTyped, decoded, lower, viaName].map(sign);
}

function generateSignature(sdkKey, sessionName, role) {
  const iat = Math.floor(Date.now() / 1000);
  return sign({ app_key: sdkKey, tpc: sessionName, role_type: role, version: 1, iat, exp: iat + 7200 }); // must-not-fire
}

generateSignature(process.env.KEY, encodeURIComponent(process.argv[2]), 1); // must-fire
generateSignature(process.env.KEY, process.argv[2], 0); // must-not-fire

function meeting(key, mn, iat, exp) {
  const url = `https://example.com/join?name=${encodeURIComponent(mn)}`; // must-not-fire
  return sign({ appKey: key, mn, role: 0, iat, exp, tokenExp: exp, tpc2: encodeURIComponent(url) }); // must-not-fire
}
module.exports = { tokens, meeting };
