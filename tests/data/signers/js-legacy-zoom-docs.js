const crypto = require('crypto')

function webSdkSignature(apiKey, apiSecret, meetingNumber, role) {
  // backdated to avoid clock drift between the server and Zoom
  const timestamp = new Date().getTime() - 30000
  const encoded = Buffer.from(apiKey + meetingNumber + timestamp + role).toString('base64')
  const hash = crypto.createHmac('sha256', apiSecret).update(encoded).digest('base64')
  const sig = Buffer.from(`${apiKey}.${meetingNumber}.${timestamp}.${role}.${hash}`).toString('base64')
  return sig
}

console.log(webSdkSignature(process.env.API_KEY, process.env.API_SECRET, 123456789, 0))
