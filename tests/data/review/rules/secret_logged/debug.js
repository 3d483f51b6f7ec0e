const { KJUR } = require('jsrsasign');
function generateSignature(sdkKey, sdkSecret, meetingNumber, role) {
  console.log('Zoom SDK Key', sdkKey); // must-not-fire
  console.log('Zoom SDK Secret', sdkSecret); // must-fire
  console.log(`signing with ${process.env.ZOOM_SDK_SECRET}`); // must-fire
  console.error({ sdkKey, sdkSecret }); // must-fire
  console.log('secret set:', !!sdkSecret); // must-not-fire
  console.log('secret length', sdkSecret.length); // must-not-fire
  console.log('Missing ZOOM_SDK_SECRET'); // must-not-fire
  const hasSecret = Boolean(sdkSecret) && sdkSecret.length > 0;
  logger.info('has secret', hasSecret); // must-not-fire
  const secretOk = sdkSecret !== undefined;
  console.log('secret ok', secretOk); // must-not-fire
  const iat = Math.round(Date.now() / 1000) - 30;
  const payload = { appKey: sdkKey, sdkKey, mn: meetingNumber, role, iat, exp: iat + 7200, tokenExp: iat + 7200 };
  const token = KJUR.jws.JWS.sign('HS256', '{"alg":"HS256","typ":"JWT"}', JSON.stringify(payload), sdkSecret);
  console.log('token', token); // must-not-fire
  return token;
}
function report(secretConfigured) {
  console.log('configured', secretConfigured); // must-not-fire
}
module.exports = { generateSignature, report };
