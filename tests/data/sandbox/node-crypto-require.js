const crypto = require('crypto')

function generateSignature(sdkKey, sdkSecret, meetingNumber, role) {
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const encodedHeader = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')
  const encodedPayload = Buffer.from(JSON.stringify({ appKey: sdkKey, sdkKey, mn: meetingNumber, role, iat, exp, tokenExp: exp })).toString('base64url')
  const signature = crypto.createHmac('sha256', sdkSecret).update(encodedHeader + '.' + encodedPayload).digest('base64url')
  return `${encodedHeader}.${encodedPayload}.${signature}`
}

module.exports = { generateSignature }
