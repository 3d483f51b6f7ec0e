import dotenv from 'dotenv'
import { KJUR } from 'jsrsasign'

dotenv.config()

const iat = Math.round(new Date().getTime() / 1000) - 30
const exp = iat + 60 * 60 * 8
const claims = {
  // mn: meetingNumber,
  // role: 0,
  appKey: process.env.ZOOM_MEETING_SDK_KEY,
  iat: iat,
  exp: exp,
  tokenExp: iat + 60 * 60 * 2
}

const token = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(claims), process.env.ZOOM_MEETING_SDK_SECRET)
console.log(token)
