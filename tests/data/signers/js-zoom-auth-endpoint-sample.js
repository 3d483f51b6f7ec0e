import cors from 'cors'
import express from 'express'
import { KJUR } from 'jsrsasign'

const app = express()
app.use(express.json(), cors())

const asNumbers = (body) => ({
  ...body,
  ...['role', 'expirationSeconds'].reduce(
    (acc, key) => ({ ...acc, [key]: typeof body[key] === 'string' ? parseInt(body[key]) : body[key] }),
    {}
  )
})

app.post('/', (req, res) => {
  const { meetingNumber, role, expirationSeconds } = asNumbers(req.body)
  const iat = Math.floor(Date.now() / 1000)
  const exp = expirationSeconds ? iat + expirationSeconds : iat + 2 * 60 * 60
  return res.json({
    signature: KJUR.jws.JWS.sign(
      null,
      { alg: 'HS256', typ: 'JWT' },
      JSON.stringify({
        appKey: process.env.ZOOM_MEETING_SDK_KEY,
        sdkKey: process.env.ZOOM_MEETING_SDK_KEY,
        mn: meetingNumber,
        role,
        iat,
        exp,
        tokenExp: exp
      }),
      process.env.ZOOM_MEETING_SDK_SECRET
    )
  })
})

app.listen(process.env.PORT || 4000)
