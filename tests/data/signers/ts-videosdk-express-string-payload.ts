import { Router } from 'express'
import * as jwt from 'jsonwebtoken'
import config from '../../config'
import { extractUser } from '../extract-user'

// jsonwebtoken given the payload as JSON text: it signs the text as it is (no iat of its own).
export function routeZoom(router: Router): void {
  router.post('/zoom/token', (req, res) => {
    const user = extractUser(req)
    const { sessionName, role } = req.body
    const iat = Math.floor(Date.now() / 1000)
    const exp = iat + config.zoomTokenExpirationSeconds

    const oPayload = {
      app_key: config.zoomVideoSdkKey,
      tpc: sessionName,
      role_type: role,
      iat,
      exp,
      version: 1,
      user_identity: user.id,
    }

    const sdkJwt = jwt.sign(JSON.stringify(oPayload), config.zoomVideoSdkSecret)
    return res.json({ signature: sdkJwt })
  })
}
