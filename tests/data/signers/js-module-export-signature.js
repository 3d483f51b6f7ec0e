require('dotenv').config()
const KJUR = require('jsrsasign')

async function getSignature(meeting, role) {
  const iat = Math.round(new Date().getTime() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const claims = {
    sdkKey: process.env.SDK_KEY,
    mn: meeting,
    role: role,
    iat: iat,
    exp: exp,
    appKey: process.env.SDK_KEY,
    tokenExp: iat + 60 * 60 * 2
  }
  return KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(claims), process.env.SDK_SECRET)
}

module.exports = getSignature
