const KJUR = require('jsrsasign')
const { ZOOM } = require('../../../constants/Zoom')

export default function handler(req, res) {
  const iat = Math.round(new Date().getTime / 1000)
  const exp = iat + 60 * 60 * 2
  const claims = {
    sdkKey: ZOOM.SDK.KEY,
    mn: req.body.meetingNumber,
    role: req.body.role,
    iat: iat,
    exp: exp,
  }
  const signature = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(claims), ZOOM.SDK.SECRET)
  return res.json({ signature: signature, sdkKey: ZOOM.SDK.KEY })
}
