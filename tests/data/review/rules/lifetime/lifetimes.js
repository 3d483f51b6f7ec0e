const jwt = require('jsonwebtoken');
const iat = Math.floor(Date.now() / 1000);
const expShort = iat + 60 * 10; // must-fire: lifetime_too_short
const exp = iat + 7200; // must-not-fire: lifetime_too_short, lifetime_too_long
const expiry = iat + 3 * 24 * 3600; // must-fire: lifetime_too_long
const a = jwt.sign({ appKey: k, sdkKey: k, mn, role, tokenExp: t }, secret, { expiresIn: 60 }); // must-fire: lifetime_too_short
const b = jwt.sign({ appKey: k, sdkKey: k, mn, role, tokenExp: t }, secret, { expiresIn: '2h' }); // must-not-fire: lifetime_too_short
module.exports = { expShort, exp, expiry, a, b };
