var KJUR = require('https://cdnjs.cloudflare.com/ajax/libs/jsrsasign/10.9.0/jsrsasign-all-min.js')

function videoSignature(sdkKey, sdkSecret, sessionName, role) {
  const iat = Math.round(new Date().getTime() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const oHeader = { alg: 'HS256', typ: 'JWT' }
  const oPayload = { app_key: sdkKey, tpc: sessionName, role_type: role, version: 1, iat: iat, exp: exp }
  return KJUR.jws.JWS.sign('HS256', JSON.stringify(oHeader), JSON.stringify(oPayload), sdkSecret)
}

function showToken(form) {
  document.getElementById('token').textContent = videoSignature(form.clientID.value, form.clientSecret.value, 'Test Session', 1)
}
