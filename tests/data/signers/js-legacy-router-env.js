const express = require('express')
const crypto = require('crypto')
const router = express.Router()

router.post('/', (req, res) => {
  const { meetingNumber, role } = req.body
  const time = new Date().getTime() - 30000
  const message = Buffer.from(`${process.env.ZOOM_JWT_KEY}${meetingNumber}${time}${role}`).toString('base64')
  const digest = crypto
    .createHmac('sha256', process.env.ZOOM_JWT_SECRET)
    .update(message)
    .digest('base64')
  const signature = Buffer.from(
    `${process.env.ZOOM_JWT_KEY}.${meetingNumber}.${time}.${role}.${digest}`
  ).toString('base64')
  return res.json({ signature })
})

module.exports = router
