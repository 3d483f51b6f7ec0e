const KJUR = require('jsrsasign')

exports.zoomSignature = async (req, res) => {
  try {
    const iat = Math.round(new Date().getTime() / 1000) - 30
    const exp = iat + 60 * 60 * 2
    const claims = {
      sdkKey: process.env.ZOOM_CLIENT_ID,
      mn: req.body.meetingNumber,
      role: req.body.role,
      iat: iat,
      exp: exp,
      tokenExp: iat + 60 * 60 * 2
    }
    const signature = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(claims), process.env.ZOOM_CLIENT_SECRET)
    return res.status(200).json({ signature: signature })
  } catch (error) {
    return res.status(500).json({ message: error.message })
  }
}
