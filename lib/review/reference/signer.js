// Zoom's auth endpoint sample, condensed: sign on the server, hand out only the token.
const KJUR = require('jsrsasign')

function generateSignature(meetingNumber, role, expirationSeconds) {
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = expirationSeconds ? iat + expirationSeconds : iat + 60 * 60 * 2
  const oHeader = { alg: 'HS256', typ: 'JWT' }
  const oPayload = {
    appKey: process.env.ZOOM_MEETING_SDK_KEY,
    sdkKey: process.env.ZOOM_MEETING_SDK_KEY,
    mn: meetingNumber,
    role: parseInt(role, 10),
    iat,
    exp,
    tokenExp: exp
  }
  const sHeader = JSON.stringify(oHeader)
  const sPayload = JSON.stringify(oPayload)
  return KJUR.jws.JWS.sign('HS256', sHeader, sPayload, process.env.ZOOM_MEETING_SDK_SECRET)
}

module.exports = { generateSignature }
