import crypto from 'crypto'
import type { Request, Response } from 'express'

function base64url(value: string | Buffer): string {
  return (typeof value === 'string' ? Buffer.from(value) : value).toString('base64url')
}

export function signatureHandler(req: Request, res: Response): void {
  const { meetingNumber, role } = req.body
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const key = process.env.ZOOM_MEETING_SDK_KEY!
  const input = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify({ appKey: key, sdkKey: key, mn: meetingNumber, role: Number(role), iat, exp, tokenExp: exp }))}`
  const mac: Buffer = crypto.createHmac('sha256', process.env.ZOOM_MEETING_SDK_SECRET!).update(input).digest()
  res.status(200).json({ signature: `${input}.${base64url(mac)}` })
}
