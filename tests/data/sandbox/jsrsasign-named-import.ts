import { KJUR } from 'jsrsasign'

export async function generateSignature(meetingNumber: string, role: number): Promise<string> {
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = iat + 2 * 60 * 60
  const key = process.env.ZOOM_MEETING_SDK_KEY as string
  const payload = { appKey: key, sdkKey: key, mn: meetingNumber, role, iat, exp, tokenExp: exp }
  return KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), process.env.ZOOM_MEETING_SDK_SECRET!)
}
