import CryptoJS from 'crypto-js'

export function generateSignature(key: string, secret: string, meetingNumber: string, role: number): string {
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const encode = (text: string) => CryptoJS.enc.Base64url.stringify(CryptoJS.enc.Utf8.parse(text))
  const signingInput = `${encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${encode(JSON.stringify({ appKey: key, sdkKey: key, mn: meetingNumber, role, iat, exp, tokenExp: exp }))}`
  return `${signingInput}.${CryptoJS.HmacSHA256(signingInput, secret).toString(CryptoJS.enc.Base64url)}`
}
