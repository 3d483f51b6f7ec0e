import { Base64 } from 'js-base64'
import CryptoJS from 'crypto-js'

export function meetingSignature(config, apiSecret) {
  const timestamp = new Date().getTime() - 30000
  const msg = Base64.encode(config.apiKey + config.meetingNumber + timestamp + config.role)
  const hash = Base64.encode(CryptoJS.HmacSHA256(msg, apiSecret).toString(CryptoJS.enc.Hex))
  return Base64.encode(`${config.apiKey}.${config.meetingNumber}.${timestamp}.${config.role}.${hash}`)
}
