const jwt = require('jsonwebtoken');
const rest = { iss: API_KEY, exp: Math.floor(Date.now() / 1000) + 3600 }; // must-fire
const sdk = { appKey: KEY, iss: KEY, mn, role, iat, exp, tokenExp: exp }; // must-not-fire
module.exports = { rest: jwt.sign(rest, API_SECRET), sdk: jwt.sign(sdk, SDK_SECRET) };
