const hmacSHA256 = require('crypto-js/hmac-sha256')
const Base64url = require('crypto-js/enc-base64url')

function createSignature(key, secret, meetingNumber, role) {
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')
  const payload = Buffer.from(JSON.stringify({ appKey: key, sdkKey: key, mn: meetingNumber, role, iat, exp, tokenExp: exp })).toString('base64url')
  return header + '.' + payload + '.' + Base64url.stringify(hmacSHA256(header + '.' + payload, secret))
}
