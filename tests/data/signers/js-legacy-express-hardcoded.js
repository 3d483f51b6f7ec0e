const express = require('express')
const crypto = require('crypto')
const cors = require('cors')

const app = express()
app.use(cors())
app.use(express.json())

const KEY = 'Hn4rT7yUq2WsX9cVb1MzA'
const SECRET = 'Lp3oK8iJu7hYg6tFr5dEs4wQa2zXc1Vb'

app.post('/signature', (req, res) => {
  const { meetingNumber, role } = req.body
  const stamp = new Date().getTime() - 30000
  const msg = Buffer.from(KEY + meetingNumber + stamp + role).toString('base64')
  const hash = crypto.createHmac('sha256', SECRET).update(msg).digest('base64')
  const signature = Buffer.from(`${KEY}.${meetingNumber}.${stamp}.${role}.${hash}`).toString('base64')
  res.json({ signature: signature })
})

app.listen(4000)
