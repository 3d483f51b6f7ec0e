const router = require('express').Router()
const crypto = require('crypto')

router.post('/signature', async (req, res) => {
  if (typeof req.body.meetingNumber === 'undefined' || typeof req.body.role === 'undefined') {
    return res.status(400).end()
  }
  const apiKey = process.env.ZOOM_API_KEY
  const secretKey = process.env.ZOOM_API_SECRET
  const timestamp = new Date().getTime() - 30000
  const message = Buffer.from(apiKey + req.body.meetingNumber + timestamp + req.body.role).toString('base64')
  const hash = crypto.createHmac('sha256', secretKey).update(message).digest('base64')
  const signature = Buffer.from(`${apiKey}.${req.body.meetingNumber}.${timestamp}.${req.body.role}.${hash}`).toString('base64')
  res.json({ signature })
})

module.exports = router
