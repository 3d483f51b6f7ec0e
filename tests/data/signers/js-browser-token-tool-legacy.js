var crypto = require('crypto')

window.makeLegacySignature = function (props) {
  const apiKey = props.apiKey
  const apiSecret = props.apiSecret
  const meetingNumber = props.meetingNumber
  const role = props.role
  const timestamp = new Date().getTime() - 30000
  const msg = Buffer.from(apiKey + meetingNumber + timestamp + role).toString('base64')
  const hash = crypto.createHmac('sha256', apiSecret).update(msg).digest('base64')
  const signature = Buffer.from(`${apiKey}.${meetingNumber}.${timestamp}.${role}.${hash}`).toString('base64')
  if (props.success) {
    props.success(signature)
  }
  return signature
}
