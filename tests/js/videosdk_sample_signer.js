// A Video SDK signer written as zoom/videosdk-auth-endpoint-sample (src/index.js) signs: the request body's
// numbers coerced with parseInt, the payload in the sample's order (undefined claims dropped by JSON.stringify),
// KJUR.jws.JWS.sign('HS256', sHeader, sPayload, secret). Run as a script (tests/test_videosdk_cross_check.py): a
// JSON list of cases on stdin ({body, now, key, secret}), one {token} per case on stdout. Required as a module
// (tests/js/videosdk_endpoint.js): coerceRequestBody and videoSdkSignature.
const { KJUR } = require('jsrsasign')

const coerceRequestBody = (body) => ({
  ...body,
  ...['role', 'expirationSeconds', 'cloudRecordingOption', 'cloudRecordingElection', 'videoWebRtcMode', 'audioWebRtcMode']
    .reduce((acc, cur) => ({ ...acc, [cur]: typeof body[cur] === 'string' ? parseInt(body[cur]) : body[cur] }), {})
})

const joinGeoRegions = (geoRegions) =>
  (Array.isArray(geoRegions) ? geoRegions : geoRegions?.split(','))?.map((x) => x.replace(/\s+/g, '')).filter(Boolean).join(',')

function videoSdkSignature (body, key, secret) {
  const { role, sessionName, expirationSeconds, userIdentity, sessionKey, geoRegions, cloudRecordingOption,
    cloudRecordingElection, telemetryTrackingId, videoWebRtcMode, audioWebRtcMode } = coerceRequestBody(body)
  const iat = Math.floor(Date.now() / 1000)
  const exp = expirationSeconds ? iat + expirationSeconds : iat + 60 * 60 * 2
  const oHeader = { alg: 'HS256', typ: 'JWT' }
  const oPayload = {
    app_key: key,
    role_type: role,
    tpc: sessionName,
    version: 1,
    iat,
    exp,
    user_identity: userIdentity,
    session_key: sessionKey,
    geo_regions: joinGeoRegions(geoRegions),
    cloud_recording_option: cloudRecordingOption,
    cloud_recording_election: cloudRecordingElection,
    telemetry_tracking_id: telemetryTrackingId,
    video_webrtc_mode: videoWebRtcMode,
    audio_webrtc_mode: audioWebRtcMode
  }
  return KJUR.jws.JWS.sign('HS256', JSON.stringify(oHeader), JSON.stringify(oPayload), secret)
}

module.exports = { coerceRequestBody, videoSdkSignature }

if (require.main === module) {
  const realNow = Date.now
  const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'))
  const results = cases.map(({ body, now, key, secret }) => {
    Date.now = () => now * 1000
    try {
      return { token: videoSdkSignature(body, key, secret) }
    } finally {
      Date.now = realNow
    }
  })
  process.stdout.write(JSON.stringify(results))
}
