// const { KJUR } = require(...): the shape that clashed with the library's global KJUR.
const { KJUR } = require('jsrsasign')

function generateSignature(key, secret, meetingNumber, role) {
  const iat = Math.round(new Date().getTime() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const oHeader = { alg: 'HS256', typ: 'JWT' }
  const oPayload = { appKey: key, sdkKey: key, mn: meetingNumber, role, iat, exp, tokenExp: exp }
  return KJUR.jws.JWS.sign('HS256', JSON.stringify(oHeader), JSON.stringify(oPayload), secret)
}
