const sdkKey = import.meta.env.VITE_ZOOM_SDK_KEY || ''
const sdkSecret = import.meta.env.VITE_ZOOM_SDK_SECRET || ''

function base64UrlEncode(input) {
  const bytes = new Uint8Array(input)
  let binary = ''
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i])
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '')
}

const toBytes = (text) => new TextEncoder().encode(text)

export async function createZoomSignature(meetingNumber, role) {
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const tokenExp = exp * 1000
  const header = { alg: 'HS256', typ: 'JWT' }
  const payload = { sdkKey, mn: meetingNumber, role: Number(role), iat, exp, tokenExp }
  const input = `${base64UrlEncode(toBytes(JSON.stringify(header)))}.${base64UrlEncode(toBytes(JSON.stringify(payload)))}`
  const key = await crypto.subtle.importKey('raw', toBytes(sdkSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const mac = await crypto.subtle.sign('HMAC', key, toBytes(input))
  return `${input}.${base64UrlEncode(mac)}`
}
