window.makeSdkSignature = function (data) {
  const { sdkKey, sdkSecret, meetingNumber, role } = data
  const iat = Math.round(new Date().getTime() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const header = { alg: 'HS256', typ: 'JWT' }
  const payload = {
    sdkKey,
    iat,
    exp,
    mn: meetingNumber,
    role
  }
  const signature = KJUR.jws.JWS.sign('HS256', JSON.stringify(header), JSON.stringify(payload), sdkSecret)
  if (data.success) {
    data.success(signature)
  }
  return signature
}
