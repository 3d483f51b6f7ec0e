// The 1.x Web SDK's own signer, called from the page (after the old CDN samples).
function start(config) {
  ZoomMtg.generateSignature({ meetingNumber: config.mn, apiKey: config.apiKey, apiSecret: config.apiSecret, role: 0, success: join }); // must-fire
  ZoomMtg.join({ meetingNumber: config.mn, apiKey: config.apiKey, signature: config.signature, userName: 'x' }); // must-not-fire
}
