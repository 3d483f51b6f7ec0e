const jwt = require('jsonwebtoken')

function meetingSignature(sdkKey, sdkSecret, meetingNumber, role) {
  const iat = Math.floor(Date.now() / 1000) - 7200
  const exp = Math.floor(Date.now() / 1000) + 10
  const payload = {
    sdkKey: sdkKey,
    mn: meetingNumber,
    role: role,
    iat: iat,
    exp: exp,
    tokenExp: exp
  }
  return jwt.sign(payload, sdkSecret, { algorithm: 'HS256' })
}

module.exports = meetingSignature
