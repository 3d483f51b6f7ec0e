import * as jwt from 'jsonwebtoken'

export function generateSignature(key: string, secret: string, meetingNumber: string, role: number): string {
  const iat = Math.floor(Date.now() / 1000)
  return jwt.sign({ appKey: key, mn: meetingNumber, role, iat, tokenExp: iat + 5400 }, secret, { expiresIn: 5400, notBefore: '-30s', subject: 'meeting' })
}
