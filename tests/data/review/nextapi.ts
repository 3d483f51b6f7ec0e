import type { NextApiRequest, NextApiResponse } from 'next'
import { KJUR } from 'jsrsasign'

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const { meetingNumber, role } = req.body as { meetingNumber: string; role: number }
  const iat = Math.round(Date.now() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const payload = {
    sdkKey: process.env.NEXT_PUBLIC_ZOOM_SDK_KEY,
    appKey: process.env.NEXT_PUBLIC_ZOOM_SDK_KEY,
    mn: meetingNumber,
    role,
    iat,
    exp,
    tokenExp: exp,
  }
  const signature = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), process.env.ZOOM_SDK_SECRET!)
  res.status(200).json({ signature })
}
