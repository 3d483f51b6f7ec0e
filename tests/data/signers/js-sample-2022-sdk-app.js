require('dotenv').config()
const express = require('express')
const bodyParser = require('body-parser')
const KJUR = require('jsrsasign')

const app = express()
app.use(bodyParser.json())

app.post('/', (req, res) => {
  const iat = Math.round(new Date().getTime() / 1000)
  const exp = iat + 60 * 60 * 2
  const header = { alg: 'HS256', typ: 'JWT' }
  const payload = {
    sdkKey: process.env.ZOOM_SDK_KEY,
    mn: req.body.meetingNumber,
    role: req.body.role,
    iat: iat,
    exp: exp,
    appKey: process.env.ZOOM_SDK_KEY,
    tokenExp: iat + 60 * 60 * 2
  }
  const signature = KJUR.jws.JWS.sign('HS256', JSON.stringify(header), JSON.stringify(payload), process.env.ZOOM_SDK_SECRET)
  res.json({ signature: signature })
})

app.listen(process.env.PORT || 4000)
