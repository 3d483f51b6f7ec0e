import jwt from 'jsonwebtoken'

enum JoinRole {
  PARTICIPANT = 0,
  HOST = 1,
}

type SignaturePayload = {
  appKey: string
  sdkKey: string
  mn: number
  role: JoinRole
  iat: number
  exp: number
  tokenExp: number
}

function meetingSdkToken(meetingNumber: number, role: JoinRole): string {
  const iat = Math.round(new Date().getTime() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const payload: SignaturePayload = {
    sdkKey: process.env.ZOOM_MEETING_SDK_CLIENT_ID as string,
    appKey: process.env.ZOOM_MEETING_SDK_CLIENT_ID as string,
    mn: meetingNumber,
    role,
    iat,
    exp,
    tokenExp: exp,
  }
  return jwt.sign(payload, process.env.ZOOM_MEETING_SDK_CLIENT_SECRET as string)
}

export { JoinRole, meetingSdkToken }
