require('dotenv').config()
const express = require('express')
const jwt = require('jsonwebtoken')

const app = express()
app.use(express.json())

app.post('/api/generate-token', (req, res) => {
  const { sessionName, role, sessionKey, userIdentity } = req.body
  const roleType = parseInt(role)
  if (roleType !== 0 && roleType !== 1) {
    return res.status(400).json({ error: 'Invalid role. Must be 0 (participant) or 1 (host)' })
  }
  const iat = Math.floor(Date.now() / 1000)
  const exp = iat + 60 * 60 * 2
  const payload = {
    app_key: process.env.ZOOM_VIDEO_SDK_KEY,
    tpc: sessionName,
    role_type: roleType,
    session_key: sessionKey,
    user_identity: userIdentity,
    version: 1,
    iat: iat,
    exp: exp
  }
  res.json({ token: jwt.sign(payload, process.env.ZOOM_VIDEO_SDK_SECRET, { algorithm: 'HS256' }) })
})

// "Are these credentials right?": a test token that lives one minute.
app.post('/api/validate-credentials', (req, res) => {
  const { sdkKey, sdkSecret } = req.body
  const testPayload = {
    app_key: sdkKey,
    tpc: 'test-session',
    role_type: 1,
    session_key: 'test-key',
    user_identity: 'test-user',
    version: 1,
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 60
  }
  const testToken = jwt.sign(testPayload, sdkSecret, { algorithm: 'HS256' })
  res.json({ valid: true, tokenLength: testToken.length })
})

app.listen(process.env.PORT || 3000)
