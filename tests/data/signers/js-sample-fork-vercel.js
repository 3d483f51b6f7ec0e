import cors from 'cors'
import express from 'express'
import { KJUR } from 'jsrsasign'

const app = express()
app.use(express.json(), cors())

app.post('/', (req, res) => {
  const role = typeof req.body.role === 'string' ? parseInt(req.body.role) : req.body.role
  const iat = Math.floor(Date.now() / 1000)
  const exp = iat + 60 * 60 * 2
  const header = { alg: 'HS256', typ: 'JWT' }
  const payload = {
    appKey: process.env.ZOOM_MEETING_SDK_KEY,
    sdkKey: process.env.ZOOM_MEETING_SDK_KEY,
    mn: req.body.meetingNumber,
    role,
    iat,
    exp,
    tokenExp: exp
  }
  const token = KJUR.jws.JWS.sign('HS256', JSON.stringify(header), JSON.stringify(payload), process.env.ZOOM_MEETING_SDK_SECRET)
  return res.json({ signature: token })
})

if (process.env.NODE_ENV !== 'production') {
  app.listen(process.env.PORT || 4000)
}

export default app
