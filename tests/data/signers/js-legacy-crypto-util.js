const crypto = require('crypto')

export function buildSignature(apiKey, apiSecret, meetingNumber, role) {
  const ts = new Date().getTime() - 30000
  const message = Buffer.from(apiKey + meetingNumber + ts + role).toString('base64')
  const mac = crypto.createHmac('sha256', apiSecret).update(message).digest('base64')
  return Buffer.from(`${apiKey}.${meetingNumber}.${ts}.${role}.${mac}`).toString('base64')
}
