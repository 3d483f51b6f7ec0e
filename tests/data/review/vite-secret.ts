import CryptoJS from 'crypto-js'

const sdkSecret: string = import.meta.env.VITE_ZOOM_SDK_SECRET as string

export const signature = (mn: string, role: number): string => {
  const iat = new Date().getTime
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const payload = base64url(JSON.stringify({ appKey: KEY, mn, role, iat, exp: iat + 7200, tokenExp: iat + 7200 }))
  const mac = CryptoJS.HmacSHA256(`${header}.${payload}`, sdkSecret).toString(CryptoJS.enc.Base64url)
  return `${header}.${payload}.${mac}`
}
