import KJUR from 'jsrsasign'

export function generateSignature(key, secret, meetingNumber, role) {
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = iat + 7200
  const sPayload = JSON.stringify({ sdkKey: key, appKey: key, mn: meetingNumber, role: role, iat: iat, exp: exp, tokenExp: exp })
  return KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), sPayload, secret)
}
