require('dotenv').config()
const express = require('express')
const KJUR = require('jsrsasign')

const app = express()

// One GET route for two kinds of token, chosen by ?type=; the SDK JWT is a native one (no mn, no role).
app.get('/token', (req, res) => {
  const type = req.query.type
  if (type == 'sdkjwt') {
    const sdkKey = process.env.ZOOM_SDK_KEY
    const sdkSecret = process.env.ZOOM_SDK_SECRET
    const iat = Math.round((new Date().getTime() - 30000) / 1000)
    const exp = iat + 60 * 60 * 2
    const oHeader = { alg: 'HS256', typ: 'JWT' }

    const oPayload = {
      appKey: sdkKey,
      sdkKey: sdkKey,
      iat: iat,
      exp: exp,
      tokenExp: iat + 60 * 60 * 2
    }

    const sdkJWT = KJUR.jws.JWS.sign('HS256', JSON.stringify(oHeader), JSON.stringify(oPayload), sdkSecret)
    return res.json({ token: sdkJWT, type: type })
  }
  res.status(404).json({ message: 'Param "type" is either invalid or empty.' })
})

app.listen(process.env.PORT || 3000)
