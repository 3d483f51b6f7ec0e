const express = require('express')
const crypto = require('crypto')

const app = express()
app.use(express.json())

let meeting = null
let hostSignature = null
let guestSignature = null

function generateSignature(apiKey, apiSecret, meetingNumber, role) {
  const timestamp = new Date().getTime() - 30000
  const msg = Buffer.from(apiKey + meetingNumber + timestamp + role).toString('base64')
  const hash = crypto.createHmac('sha256', apiSecret).update(msg).digest('base64')
  return Buffer.from(`${apiKey}.${meetingNumber}.${timestamp}.${role}.${hash}`).toString('base64')
}

app.post('/create-meeting', (req, res) => {
  meeting = { id: req.body.id, password: req.body.password }
  guestSignature = generateSignature(process.env.ZOOM_JWT_API_KEY, process.env.ZOOM_JWT_API_SECRET, meeting.id, 0)
  hostSignature = generateSignature(process.env.ZOOM_JWT_API_KEY, process.env.ZOOM_JWT_API_SECRET, meeting.id, 1)
  res.send({ ...meeting, signature: hostSignature })
})

app.get('/join-meeting', (req, res) => {
  if (meeting) return res.send({ ...meeting, signature: guestSignature })
  return res.send({ status: false })
})

app.listen(process.env.PORT || 4000)
