const KJUR = require('jsrsasign')

function makeSignature(sdkKey, sdkSecret, meeting, role) {
  const issued = Math.round(new Date().getTime() / 1000) - 30
  const expires = issued + 60 * 60 * 2
  const head = { alg: 'HS256', typ: 'JWT' }
  const claims = {
    sdkKey: sdkKey,
    appKey: sdkKey,
    mn: meeting,
    role: role,
    iat: issued,
    exp: expires,
    tokenExp: expires
  }
  return KJUR.jws.JWS.sign('HS256', JSON.stringify(head), JSON.stringify(claims), sdkSecret)
}

console.log(makeSignature('Kd83hQpLm2TzVb7Xw1sNa', 'Rq5vT8mKz2LwP9xY4cBn7HdJ3fGs6AeU', 85746065432, 0))
