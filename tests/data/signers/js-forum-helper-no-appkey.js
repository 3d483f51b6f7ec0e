const KJUR = require('jsrsasign')

function signatureHelper(req, res) {
  const iat = Math.round(new Date().getTime() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const header = { alg: 'HS256', typ: 'JWT' }
  const payload = {
    sdkKey: process.env.ZOOM_SDK_KEY,
    mn: req.body.meetingNumber,
    role: req.body.role,
    iat: iat,
    exp: exp
  }
  const meetingSignature = KJUR.jws.JWS.sign('HS256', JSON.stringify(header), JSON.stringify(payload), process.env.ZOOM_SDK_SECRET)
  res.json({ signature: meetingSignature })
}

module.exports = signatureHelper
