import cors from 'cors'
import express from 'express'
import { KJUR } from 'jsrsasign'

const app = express()
app.use(express.json(), cors())

const toNumbers = (body) => ({
  ...body,
  role: typeof body.role === 'string' ? parseInt(body.role, 10) : body.role,
})

app.post('/', (req, res) => {
  const { meetingNumber, role } = toNumbers(req.body)
  const iat = Math.floor(Date.now() / 1000)
  const exp = iat + 60 * 60 * 2
  const claims = {
    appKey: process.env.ZOOM_MEETING_SDK_KEY,
    sdkKey: process.env.ZOOM_MEETING_SDK_KEY,
    mn: meetingNumber,
    role,
    iat,
    exp,
    tokenExp: exp,
  }
  const token = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(claims), process.env.ZOOM_MEETING_SDK_SECRET)
  return res.json({ signature: token, sdkKey: process.env.ZOOM_MEETING_SDK_KEY })
})

app.listen(process.env.PORT || 4000)
