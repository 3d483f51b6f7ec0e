import express from 'express'
import { KJUR } from 'jsrsasign'

const app = express()
app.use(express.json())

app.post('/', (req, res) => {
  const { meetingNumber, role } = req.body
  const iat = Math.floor(Date.now() / 1000)
  const exp = iat + 60 * 60 * 2
  const payload = {
    appKey: process.env.ZOOM_MEETING_HOST_KEY,
    sdkKey: process.env.ZOOM_MEETING_HOST_KEY,
    mn: meetingNumber,
    role,
    iat,
    exp,
    tokenExp: exp
  }
  const signed = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), process.env.ZOOM_MEETING_HOST_SECRET)
  return res.json({ signature: signed })
})

app.get('/get-access-token', async (req, res) => {
  const body = new URLSearchParams({ grant_type: 'account_credentials', account_id: process.env.ZOOM_MEETING_ACCOUNT_ID })
  const answer = await fetch('https://zoom.us/oauth/token', { method: 'POST', body })
  res.json(await answer.json())
})

app.listen(process.env.PORT || 4000)
