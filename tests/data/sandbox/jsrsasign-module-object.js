const jsrsasign = require('jsrsasign')
const KJUR = jsrsasign.KJUR

function getSignature(meetingNumber, role) {
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const payload = { sdkKey: process.env.ZOOM_SDK_KEY, mn: meetingNumber, role, iat, exp, tokenExp: exp }
  const secret = { utf8: process.env.ZOOM_SDK_SECRET }
  return KJUR.jws.JWS.sign(null, { alg: 'HS256', typ: 'JWT' }, payload, secret)
}
