const express = require('express')
const crypto = require('crypto')

const app = express()
app.use(express.json())

app.post('/', (req, res) => {
  const key = process.env.ZOOM_JWT_API_KEY
  const stamp = new Date().getTime() - 30000
  const encoded = Buffer.from(key + req.body.meetingNumber + stamp + req.body.role).toString('base64')
  const digest = crypto.createHmac('sha256', process.env.ZOOM_JWT_API_SECRET).update(encoded).digest('base64')
  const signature = Buffer.from(`${key}.${req.body.meetingNumber}.${stamp}.${req.body.role}.${digest}`).toString('base64')
  res.json({ signature })
})

app.listen(process.env.PORT || 4000)
