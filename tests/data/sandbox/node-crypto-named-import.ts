import { createHmac } from 'node:crypto'
import { Buffer } from 'node:buffer'

export async function POST(request: Request) {
  const { meetingNumber, role } = await request.json()
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const key = process.env.ZOOM_MEETING_SDK_KEY ?? ''
  const segment = (value: object) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')
  const input = segment({ alg: 'HS256', typ: 'JWT' }) + '.' + segment({ appKey: key, sdkKey: key, mn: meetingNumber, role, iat, exp, tokenExp: exp })
  const signature = input + '.' + createHmac('sha256', process.env.ZOOM_MEETING_SDK_SECRET ?? '').update(input).digest('base64url')
  return Response.json({ signature })
}
