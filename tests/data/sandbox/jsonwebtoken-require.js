const jwt = require('jsonwebtoken')

function generateSignature(meetingNumber, role) {
  const payload = { appKey: process.env.ZOOM_SDK_KEY, sdkKey: process.env.ZOOM_SDK_KEY, mn: meetingNumber, role }
  return jwt.sign(payload, process.env.ZOOM_SDK_SECRET, { algorithm: 'HS256', expiresIn: '2h' })
}
