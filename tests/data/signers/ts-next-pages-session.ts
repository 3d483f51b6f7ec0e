import type { NextApiRequest, NextApiResponse } from 'next'
import { getServerSession } from 'next-auth'
import { authOptions } from './auth/[...nextauth]'

const KJUR = require('jsrsasign')

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions)
  if (!session?.user?.email?.endsWith(process.env.ALLOW_EMAIL_DOMAIN ?? '')) {
    res.status(401).json({ error: 'not allowed' })
    return
  }
  const iat = Math.round(new Date().getTime() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const payload = {
    sdkKey: process.env.NEXT_PUBLIC_ZOOM_SDK_KEY,
    mn: req.body.meetingNumber,
    role: req.body.role,
    iat: iat,
    exp: exp,
    appKey: process.env.NEXT_PUBLIC_ZOOM_SDK_KEY,
    tokenExp: iat + 60 * 60 * 2,
  }
  const signature = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), process.env.ZOOM_SDK_SECRET)
  res.json({ signature: signature })
}
