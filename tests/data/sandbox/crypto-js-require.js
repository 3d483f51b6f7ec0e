const CryptoJS = require('crypto-js')

function base64url(words) {
  return CryptoJS.enc.Base64.stringify(words).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
}

function generateSignature(key, secret, meetingNumber, role) {
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const header = base64url(CryptoJS.enc.Utf8.parse(JSON.stringify({ alg: 'HS256', typ: 'JWT' })))
  const payload = base64url(CryptoJS.enc.Utf8.parse(JSON.stringify({ appKey: key, sdkKey: key, mn: meetingNumber, role, iat, exp, tokenExp: exp })))
  return header + '.' + payload + '.' + base64url(CryptoJS.HmacSHA256(header + '.' + payload, secret))
}
