const { Base64 } = require('js-base64')
const hmacSha256 = require('crypto-js/hmac-sha256')
const encBase64 = require('crypto-js/enc-base64')

function signature(data) {
  const ts = new Date().getTime() - 30000
  const msg = Base64.encode(data.apiKey + data.meetingNumber + ts + data.role)
  const hash = hmacSha256(msg, data.apiSecret)
  return Base64.encodeURI(`${data.apiKey}.${data.meetingNumber}.${ts}.${data.role}.${encBase64.stringify(hash)}`)
}

const credentials = {
  apiKey: 'Wm9pQ2xLeTR6RnJ0UGhVdA',
  apiSecret: 'Fg7hJk2lQw9eRt4yUi6oPa3sDz8xCv1B',
  meetingNumber: 85746065432,
  role: 0
}

console.log(signature(credentials))
