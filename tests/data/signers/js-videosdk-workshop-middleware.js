import KJUR from 'jsrsasign'
import dotenv from 'dotenv'
dotenv.config()

// Express middleware: signs, leaves the signature in res.locals, passes on with next().
const generateToken = (req, res, next) => {
  try {
    const iat = Math.round(new Date().getTime() / 1000)
    const exp = iat + 60 * 60 * 2
    const oHeader = { alg: 'HS256', typ: 'JWT' }

    const { topic, password, name, sessionKey, roleType } = req.body
    const oPayload = {
      app_key: process.env.ZOOM_SDK_KEY,
      iat,
      exp,
      tpc: topic,
      pwd: password,
      user_identity: name,
      session_key: sessionKey,
      role_type: roleType,
    }
    const sHeader = JSON.stringify(oHeader)
    const sPayload = JSON.stringify(oPayload)
    res.locals.signature = KJUR.jws.JWS.sign('HS256', sHeader, sPayload, process.env.ZOOM_SDK_SECRET)
    return next()
  } catch (err) {
    return next({ err })
  }
}

export default { generateToken }
