import express from 'express'
import cors from 'cors'
import { KJUR } from 'jsrsasign'

const app = express()
app.use(express.json(), cors())

const asNumber = (value) => (typeof value === 'string' ? parseInt(value, 10) : value)

app.post('/', (req, res) => {
  const role = asNumber(req.body.role)
  const { sessionName, userIdentity, sessionKey } = req.body
  if (![0, 1].includes(role) || typeof sessionName !== 'string' || sessionName.length > 200) {
    return res.status(400).json({ errors: [{ property: 'role or sessionName', reason: 'invalid' }] })
  }
  const expirationSeconds = asNumber(req.body.expirationSeconds)
  const iat = Math.floor(Date.now() / 1000)
  const exp = expirationSeconds ? iat + expirationSeconds : iat + 60 * 60 * 2
  const oHeader = { alg: 'HS256', typ: 'JWT' }
  const oPayload = {
    app_key: process.env.ZOOM_VIDEO_SDK_KEY,
    role_type: role,
    tpc: sessionName,
    version: 1,
    iat,
    exp,
    user_identity: userIdentity,
    session_key: sessionKey
  }
  const sdkJWT = KJUR.jws.JWS.sign('HS256', JSON.stringify(oHeader), JSON.stringify(oPayload), process.env.ZOOM_VIDEO_SDK_SECRET)
  return res.json({ signature: sdkJWT })
})

app.listen(process.env.PORT || 4000)
