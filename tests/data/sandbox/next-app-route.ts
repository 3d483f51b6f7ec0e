import { NextResponse } from 'next/server'
import { KJUR } from 'jsrsasign'

export async function POST(request: Request) {
  const { meetingNumber, role } = (await request.json()) as { meetingNumber: string; role: number }
  const iat = Math.round(Date.now() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const sdkKey = process.env.ZOOM_MEETING_SDK_KEY
  const payload = { appKey: sdkKey, sdkKey, mn: meetingNumber, role, iat, exp, tokenExp: exp }
  const signature = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), process.env.ZOOM_MEETING_SDK_SECRET)
  return NextResponse.json({ signature })
}
