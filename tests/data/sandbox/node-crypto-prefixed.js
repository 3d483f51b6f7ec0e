const nodeCrypto = require('node:crypto')

const base64url = (input) => Buffer.from(input).toString('base64').replace(/=/g, '').replace(/\+/g, '-').replace(/\//g, '_')

function generateSignature(key, secret, meetingNumber, role) {
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const data = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' })) + '.' + base64url(JSON.stringify({ appKey: key, sdkKey: key, mn: meetingNumber, role, iat, exp, tokenExp: exp }))
  const hex = nodeCrypto.createHmac('SHA256', Buffer.from(secret, 'utf8')).update(data, 'utf8').digest('hex')
  return data + '.' + base64url(Buffer.from(hex, 'hex'))
}
