const jwt = require('jsonwebtoken');

// Short-lived: iat two hours back, exp ten seconds ahead.
function videoSignature(sdkKey, sdkSecret, topic, role, userIdentity) {
  const iat = Math.floor(Date.now() / 1000) - 7200;
  const exp = Math.floor(Date.now() / 1000) + 10;
  const payload = {
    app_key: sdkKey,
    tpc: topic,
    role_type: role,
    user_identity: userIdentity || '',
    iat: iat,
    exp: exp,
  };
  return jwt.sign(payload, sdkSecret, { algorithm: 'HS256' });
}

module.exports = { videoSignature };
