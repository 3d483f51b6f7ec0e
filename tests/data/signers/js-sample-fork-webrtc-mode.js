import express from 'express'
import { KJUR } from 'jsrsasign'

const app = express()
app.use(express.json())

const toInt = (value) => (typeof value === 'string' ? parseInt(value) : value)

app.post('/', (req, res) => {
  const meetingNumber = req.body.meetingNumber
  const role = toInt(req.body.role)
  const webrtc = toInt(req.body.videoWebRtcMode)
  const iat = Math.floor(Date.now() / 1000)
  const exp = iat + 60 * 60 * 2
  const payload = {
    appKey: process.env.ZOOM_MEETING_SDK_KEY,
    sdkKey: process.env.ZOOM_MEETING_SDK_KEY,
    mn: meetingNumber,
    role,
    iat,
    exp,
    tokenExp: exp,
    video_webrtc_mode: webrtc
  }
  try {
    const jwt = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), process.env.ZOOM_MEETING_SDK_SECRET)
    return res.json({ signature: jwt, sdkKey: process.env.ZOOM_MEETING_SDK_KEY })
  } catch (error) {
    console.error('signing failed:', error.message)
    return res.status(500).json({ error: 'could not sign' })
  }
})

app.listen(process.env.PORT || 4000)
