const crypto = require('crypto');
function generateSignature(message, secret) {
  const hash = crypto.createHmac('sha256', secret).update(message).digest('base64url');
  return hash; // must-fire
}
function generateToken(header, payload, secret) {
  const signature = crypto.createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`; // must-not-fire
}
module.exports = { generateSignature, generateToken };
