import { KJUR } from 'jsrsasign'

interface SignatureRequest { meetingNumber: string; role: number }

export function generateSignature(req: SignatureRequest, key: string, secret: string): string {
  const iat: number = Math.round(new Date().getTime() / 1000) - 30
  const exp: number = iat + 2 * 60 * 60
  const header = { alg: 'HS256', typ: 'JWT' }
  const payload = { appKey: key, sdkKey: key, mn: req.meetingNumber, role: req.role, iat, exp, tokenExp: exp }
  return KJUR.jws.JWS.sign('HS256', JSON.stringify(header), JSON.stringify(payload), secret)
}
