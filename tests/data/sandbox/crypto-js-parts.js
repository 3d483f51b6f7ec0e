import HmacSHA256 from 'crypto-js/hmac-sha256'
import Base64 from 'crypto-js/enc-base64'
import Utf8 from 'crypto-js/enc-utf8'

const toBase64url = (words) => Base64.stringify(words).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')

export function generateSignature(sdkKey, sdkSecret, meetingNumber, role) {
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const header = toBase64url(Utf8.parse(JSON.stringify({ alg: 'HS256', typ: 'JWT' })))
  const payload = toBase64url(Utf8.parse(JSON.stringify({ appKey: sdkKey, sdkKey, mn: meetingNumber, role, iat, exp, tokenExp: exp })))
  return `${header}.${payload}.${toBase64url(HmacSHA256(`${header}.${payload}`, sdkSecret))}`
}
