const { encodeURL } = require('js-base64')
const crypto = require('crypto')

function generateSignature(key, secret, meetingNumber, role) {
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const input = encodeURL(JSON.stringify({ alg: 'HS256', typ: 'JWT' })) + '.' + encodeURL(JSON.stringify({ appKey: key, mn: meetingNumber, role, iat, exp, tokenExp: exp }))
  return input + '.' + crypto.createHmac('sha256', secret).update(input).digest('base64url')
}
