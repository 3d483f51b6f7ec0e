import * as crypto from 'crypto'

const { createHmac: hmacOf } = crypto

export const makeToken = (sdkKey: string, sdkSecret: string, meetingNumber: string, role: 0 | 1): string => {
  const now = Math.floor(Date.now() / 1000)
  const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')
  const body = Buffer.from(JSON.stringify({ appKey: sdkKey, sdkKey, mn: meetingNumber, role, iat: now - 30, exp: now + 7170, tokenExp: now + 7170 })).toString('base64url')
  return [header, body, hmacOf('sha256', sdkSecret).update(`${header}.${body}`).digest('base64url')].join('.')
}
