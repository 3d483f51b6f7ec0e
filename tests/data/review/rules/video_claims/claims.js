const { KJUR } = require('jsrsasign');

function payloads(key, sessionName, iat, exp) {
  const sample = { app_key: key, role_type: 1, tpc: sessionName, version: 1, iat, exp }; // must-not-fire: missing_tpc, missing_role_type, missing_version, role_type_out_of_range
  const noTopic = { app_key: key, role_type: 0, version: 1, iat, exp }; // must-fire: missing_tpc
  const emptyTopic = { app_key: key, tpc: '', role_type: 0, version: 1, iat, exp }; // must-fire: missing_tpc
  const blankTopic = { app_key: key, tpc: '   ', role_type: 0, version: 1, iat, exp }; // must-fire: tpc_whitespace
  const paddedTopic = { app_key: key, tpc: 'Cool Cars ', role_type: 0, version: 1, iat, exp }; // must-fire: tpc_whitespace
  const spacedTopic = { app_key: key, tpc: 'Cool  Cars', role_type: 0, version: 1, iat, exp }; // must-not-fire: tpc_whitespace, missing_tpc
  const noRole = { app_key: key, tpc: sessionName, version: 1, iat, exp }; // must-fire: missing_role_type
  const noVersion = { app_key: key, tpc: sessionName, role_type: 0, iat, exp }; // must-fire: missing_version
  const spread = { ...sample, tpc: sessionName }; // must-not-fire: missing_role_type, missing_version
  const hostTwo = { app_key: key, tpc: sessionName, role_type: 2, version: 1, iat, exp }; // must-fire: role_type_out_of_range
  const hostOne = { app_key: key, tpc: sessionName, role_type: 1, version: 1, iat, exp }; // must-not-fire: role_type_out_of_range, role_type_not_number
  const textRole = { app_key: key, tpc: sessionName, role_type: '1', version: 1, iat, exp }; // must-fire: role_type_not_number
  return [sample, noTopic, emptyTopic, blankTopic, paddedTopic, spacedTopic, noRole, noVersion, spread, hostTwo, hostOne, textRole].map((p) =>
    KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(p), process.env.SECRET),
  );
}

function limits(key, iat, exp) {
  const at = { app_key: key, tpc: 'tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt', role_type: 0, version: 1, iat, exp }; // must-not-fire: tpc_too_long
  const above = { app_key: key, tpc: 'ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt', role_type: 0, version: 1, iat, exp }; // must-fire: tpc_too_long
  const user36 = { app_key: key, tpc: 's', role_type: 0, version: 1, user_identity: 'uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu', iat, exp }; // must-not-fire: user_key_too_long
  const user37 = { app_key: key, tpc: 's', role_type: 0, version: 1, user_key: 'uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu', iat, exp }; // must-fire: user_key_too_long
  const session36 = { app_key: key, tpc: 's', role_type: 0, version: 1, session_key: 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk', iat, exp }; // must-not-fire: session_key_too_long
  const session37 = { app_key: key, tpc: 's', role_type: 0, version: 1, session_key: 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk', iat, exp }; // must-fire: session_key_too_long
  return [topic200, at, above, user36, user37, session36, session37];
}
module.exports = { payloads, limits };

function meetingName(key, sessionName, iat, exp) {
  const misnamed = { app_key: key, tpc: sessionName, role: 1, version: 1, iat, exp }; // must-fire: missing_role_type
  return misnamed;
}
module.exports.meetingName = meetingName;
