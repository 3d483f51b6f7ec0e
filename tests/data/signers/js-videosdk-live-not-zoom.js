import jwt from 'jsonwebtoken'

// Another vendor's "Video SDK" (videosdk.live): its token holds apikey and permissions, no Zoom claim.
export const getToken = (req, res) => {
  const API_KEY = process.env.VIDEOSDK_API_KEY
  const SECRET_KEY = process.env.VIDEOSDK_SECRET_KEY
  if (!API_KEY || !SECRET_KEY) {
    return res.status(500).json({ error: 'Missing VideoSDK API keys' })
  }

  const token = jwt.sign(
    {
      apikey: API_KEY,
      permissions: ['allow_join', 'allow_mod', 'allow_create', 'allow_publish', 'allow_subscribe'],
    },
    SECRET_KEY,
    { expiresIn: '1h' }
  )

  res.json({ token })
}
