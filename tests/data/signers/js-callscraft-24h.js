require('dotenv').config()
const KJUR = require('jsrsasign')

function signMeeting(key, secret, meetingNumber, role) {
  const iat = Math.round(new Date().getTime() / 1000) - 30
  const exp = iat + 60 * 60 * 24
  const header = { alg: 'HS256', typ: 'JWT' }
  const body = {
    sdkKey: key,
    appKey: key,
    mn: meetingNumber,
    role: role,
    iat: iat,
    exp: exp,
    tokenExp: exp
  }
  return KJUR.jws.JWS.sign('HS256', JSON.stringify(header), JSON.stringify(body), secret)
}

module.exports = { signMeeting }
