import crypto from 'crypto'

export function createSignature(apiKey: string, apiSecret: string, meetingNumber: string, role: number): string {
  // backdate to avoid a clock difference with Zoom
  const timestamp = new Date().getTime() - 30000
  const message = Buffer.from(apiKey + meetingNumber + timestamp + role).toString('base64')
  const hash = crypto.createHmac('sha256', apiSecret).update(message).digest('base64')
  const signature = Buffer.from(`${apiKey}.${meetingNumber}.${timestamp}.${role}.${hash}`).toString('base64')
  return signature
}
