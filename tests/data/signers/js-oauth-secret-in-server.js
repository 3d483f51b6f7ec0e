const express = require('express')
const cors = require('cors')
const { KJUR } = require('jsrsasign')

const app = express()
const CLIENT_ID = 'Vb8nM3qW6eR1tY4uI7oP2a'
const CLIENT_SECRET = 'Ks5dF8gH2jK6lZ9xC3vB7nM1qW4eR0tY'

app.use(cors())
app.use(express.json())

const numberOrSame = (value) => (typeof value === 'string' ? parseInt(value) : value)

app.post('/sdk_auth', (req, res) => {
  const meetingNumber = req.body.meetingNumber
  const role = numberOrSame(req.body.role)
  const iat = Math.floor(Date.now() / 1000)
  const exp = iat + 60 * 60 * 2
  const payload = { appKey: CLIENT_ID, sdkKey: CLIENT_ID, mn: meetingNumber, role, iat, exp, tokenExp: exp }
  const sdkJWT = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), CLIENT_SECRET)
  return res.json({ signature: sdkJWT })
})

app.listen(3000)
