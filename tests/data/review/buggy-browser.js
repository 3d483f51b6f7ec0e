// Signing in the page with crypto-js: every classic mistake at once.
function generateSignature(meetingNumber, role) {
  const secret = localStorage.getItem('zoomSecret')
  const iat = Date.now()
  const exp = iat + 60 * 60 * 2
  const payload = { appKey: ZOOM_KEY, meetingNumber: meetingNumber, role: '1', iat: iat, exp: exp }
  const header = btoa(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const body = btoa(JSON.stringify(payload))
  const hash = CryptoJS.HmacSHA256(header + '.' + body, secret)
  return hash.toString(CryptoJS.enc.Base64)
}
document.getElementById('join').onclick = () => ZoomMtg.join({ signature: generateSignature(mn, 0) })
