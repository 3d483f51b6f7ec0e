import { Crypto } from 'crypto-js'

const sdkKey = 'Aq1sW2dE3rF4tG5yH6uJ7k'
const sdkSecret = 'Zx9cV8bN7mQ6wE5rT4yU3iO2pA1sD0fG'

export function makeSignature(meetingNumber, role) {
  const timestamp = new Date().getTime() - 30000
  const msg = Buffer.from(sdkKey + meetingNumber + timestamp + role).toString('base64')
  const hash = Crypto.createHmac('sha256', sdkSecret).update(msg).digest('base64')
  const signature = Buffer.from(`${sdkKey}.${meetingNumber}.${timestamp}.${role}.${hash}`).toString('base64')
  return signature
}

export default makeSignature()
