import { sign } from 'jsonwebtoken'

export function generateSignature(key: string, secret: string, meetingNumber: string, role: number): string {
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  return sign({ appKey: key, sdkKey: key, mn: meetingNumber, role, iat, exp, tokenExp: exp }, secret, { header: { alg: 'HS256', typ: 'JWT' } })
}
