const jwt = require('jsonwebtoken');
const rest = { iss: API_KEY, exp: Math.floor(Date.now() / 1000) + 3600 }; // must-fire
const sdk = { appKey: KEY, iss: KEY, mn, role, iat, exp, tokenExp: exp }; // must-not-fire
module.exports = { rest: jwt.sign(rest, API_SECRET), sdk: jwt.sign(sdk, SDK_SECRET) };
const mixed = { appKey: KEY, mn, role, tpc: topic, iat, exp, tokenExp: exp }; // must-fire
const video = { app_key: KEY, tpc: topic, role_type: 0, version: 1, iat, exp }; // must-not-fire
const native = { appKey: KEY, iat, exp, tokenExp: exp }; // must-not-fire
module.exports.more = [mixed, video, native].map((p) => jwt.sign(p, SDK_SECRET));
const roleMisnamed = { app_key: KEY, tpc: topic, role: 1, version: 1, iat, exp }; // must-not-fire
module.exports.roleMisnamed = jwt.sign(roleMisnamed, SDK_SECRET);
