const KJUR = require('jsrsasign')

function sign(key, secret, meetingNumber, role, userId) {
  const iat = Math.round(new Date().getTime() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const payload = {
    sdkKey: key,
    appKey: key,
    mn: meetingNumber,
    role: role,
    iat: iat,
    exp: exp,
    tokenExp: exp,
    userId: userId
  }
  return KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), secret)
}

console.log(sign(
  process.env.TEST_SDK_KEY,
  process.env.TEST_SDK_SECRET,
  process.env.TEST_MEETING_NUMBER,
  process.env.TEST_ROLE,
  process.env.TEST_USER_ID
))
