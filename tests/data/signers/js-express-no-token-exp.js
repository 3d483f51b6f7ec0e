require('dotenv').config()
const express = require('express')
const cors = require('cors')
const KJUR = require('jsrsasign')

const app = express()
app.use(express.json(), cors())

app.post('/post', (req, res) => {
  const iat = Math.round(new Date().getTime() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  console.log(iat, exp)
  const claims = {
    appKey: process.env.ZOOM_MEETING_SDK_KEY,
    sdkKey: process.env.ZOOM_MEETING_SDK_KEY,
    iat: iat,
    exp: exp,
    role: 0,
    mn: req.body.meetingNumber,
  }
  console.log(claims)
  const signature = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(claims), process.env.ZOOM_MEETING_SDK_SECRET)
  res.json({ signature: signature })
})

app.listen(process.env.PORT || 3001)
