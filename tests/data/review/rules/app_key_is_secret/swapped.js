function generateSignature(key, secret, meetingNumber, role) {
  return KJUR.jws.JWS.sign('HS256', '{"alg":"HS256","typ":"JWT"}', JSON.stringify({ appKey: key, mn: meetingNumber, role }), secret);
}
const swapped = generateSignature(process.env.ZOOM_SECRET, process.env.ZOOM_KEY, mn, 0); // must-fire
const right = generateSignature(process.env.ZOOM_KEY, process.env.ZOOM_SECRET, mn, 0); // must-not-fire
module.exports = { swapped, right };
