import { Base64 } from 'js-base64'
import CryptoJS from 'crypto-js'

export function generateSignature(key, secret, meetingNumber, role) {
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const header = Base64.encodeURI(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const payload = Base64.encode(JSON.stringify({ appKey: key, sdkKey: key, mn: meetingNumber, role, iat, exp, tokenExp: exp, name: 'Zoë 会議' }), true)
  const mac = CryptoJS.HmacSHA256(header + '.' + payload, secret)
  const bytes = Uint8Array.from(atob(CryptoJS.enc.Base64.stringify(mac)), (c) => c.charCodeAt(0))
  return header + '.' + payload + '.' + Base64.fromUint8Array(bytes, true)
}
