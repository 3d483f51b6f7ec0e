function generateSignature(key, secret, meetingNumber, role) {
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const header = { alg: 'HS256', typ: 'JWT' }
  const payload = {
    appKey: key,
    sdkKey: key,
    meetingNumber: meetingNumber,
    role: role,
    iat: iat,
    exp: exp
  }
  function macOf(secretKey, message) {
    const hash = CryptoJS.HmacSHA256(message, secretKey)
    return CryptoJS.enc.Base64.stringify(hash)
  }
  const encodedHeader = btoa(JSON.stringify(header))
  const encodedPayload = btoa(JSON.stringify(payload))
  const signature = macOf(secret, encodedHeader + '.' + encodedPayload)
  return signature
}

async function startZoom() {
  const client = ZoomMtgEmbedded.createClient()
  const root = document.getElementById('meetingSDKElement')
  const secret = getCookie('secretCookie')
  const meetingId = getCookie('meetingIDCookie')
  client.init({ zoomAppRoot: root, language: 'en-US' })
  const signature = generateSignature(meetingId, 1)
  await client.join({ sdkKey: getCookie('sdkKeyCookie'), signature, meetingNumber: meetingId, userName: 'Host' })
}
