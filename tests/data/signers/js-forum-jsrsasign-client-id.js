const express = require('express')
const KJUR = require('jsrsasign')

const router = express.Router()
const clientID = process.env.ZOOM_CLIENT_ID
const clientSecret = process.env.ZOOM_CLIENT_SECRET

router.post('/signature', (req, res) => {
  const iat = Math.round(new Date().getTime() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const payload = {
    sdkKey: clientID,
    mn: req.body.meetingNumber,
    role: req.body.role,
    iat: iat,
    exp: exp,
    appKey: clientID,
    tokenExp: iat + 60 * 60 * 2,
  }
  const signature = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), clientSecret)
  res.json({ signature: signature })
})

module.exports = router
