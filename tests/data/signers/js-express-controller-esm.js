import { KJUR } from 'jsrsasign'

export const zoomSignature = async (req, res) => {
  try {
    const iat = Math.round(new Date().getTime() / 1000) - 30
    const exp = iat + 60 * 60 * 2
    const claims = {
      sdkKey: process.env.ZOOM_MEETING_SDK_KEY,
      mn: req.body.meetingNumber,
      role: req.body.role,
      iat: iat,
      exp: exp,
      appKey: process.env.ZOOM_MEETING_SDK_KEY,
      tokenExp: iat + 60 * 60 * 2,
    }
    const signature = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(claims), process.env.ZOOM_MEETING_SDK_SECRET)
    res.status(200).json({ signature: signature })
  } catch (err) {
    res.status(500).json({ error: 'could not sign' })
  }
}
