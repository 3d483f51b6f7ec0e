const KJUR = require('jsrsasign')

export default function handler(req, res) {
  const iat = Math.round(new Date().getTime() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const payload = {
    sdkKey: process.env.ZOOM_CLIENT_ID,
    mn: req.body.meetingNumber,
    role: req.body.role,
    iat: iat,
    exp: exp,
    appKey: process.env.ZOOM_CLIENT_ID,
    tokenExp: iat + 60 * 60 * 2,
  }
  const signature = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), process.env.ZOOM_CLIENT_SECRET)
  res.json({ signature: signature, sdkKey: process.env.ZOOM_CLIENT_ID })
}
