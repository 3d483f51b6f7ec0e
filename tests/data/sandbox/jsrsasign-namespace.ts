import * as jsrsasign from 'jsrsasign'

export const generateSignature = (sdkKey: string, sdkSecret: string, meetingNumber: number, role: number): string => {
  const iat = Math.floor(Date.now() / 1000)
  const exp = iat + 3600
  const header = JSON.stringify({ alg: 'HS256', typ: 'JWT' })
  const payload = JSON.stringify({ appKey: sdkKey, sdkKey, mn: meetingNumber, role, iat, exp, tokenExp: exp })
  return jsrsasign.KJUR.jws.JWS.sign('HS256', header, payload, sdkSecret)
}
