import jwt from 'jsonwebtoken'

const SECRET = 'x7Kp2QmZ9vLwT4hRb8NcYe3JfUa6GdSs'

export function sign(meetingNumber, role) {
  const payload = {
    appKey: process.env.ZOOM_SDK_KEY,
    sdkKey: process.env.ZOOM_SDK_KEY,
    mn: meetingNumber,
    role,
    tokenExp: Math.floor(Date.now() / 1000) + 1800
  }
  return jwt.sign(payload, SECRET, { algorithm: 'HS256', expiresIn: '5m' })
}
