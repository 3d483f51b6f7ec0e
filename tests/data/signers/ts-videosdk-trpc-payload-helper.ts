import jwt from 'jsonwebtoken'
import { env } from '@/env.mjs'

type TokenInput = {
  app_key?: string
  iat: number
  tpc: string
  role_type?: number
  user_identity: string
  pwd?: string
  cloud_recording_option?: number
  cloud_recording_election?: number
  session_key: string
}

// The Video SDK payload with defaults, built apart from the signing; exp comes from jsonwebtoken's expiresIn.
export const createTokenPayload = (payload: TokenInput) => ({
  app_key: payload.app_key || env.SDK_KEY,
  iat: payload.iat,
  tpc: payload.tpc,
  role_type: payload.role_type || 0,
  user_identity: payload.user_identity,
  pwd: payload.pwd || '1234567',
  cloud_recording_option: payload.cloud_recording_option || 0,
  cloud_recording_election: payload.cloud_recording_election || 0,
  session_key: payload.session_key,
})

const createJWT = (payload: { [key: string]: unknown } = {}, secret: string): string =>
  jwt.sign(payload, secret, { algorithm: 'HS256', expiresIn: '2h' })

export function sessionToken(tpc: string, userIdentity: string, sessionKey: string, roleType: number) {
  const iat = Math.floor(Date.now() / 1000)
  const payload = createTokenPayload({ iat, tpc, role_type: roleType, user_identity: userIdentity, session_key: sessionKey })
  return createJWT(payload, env.SDK_SECRET)
}
