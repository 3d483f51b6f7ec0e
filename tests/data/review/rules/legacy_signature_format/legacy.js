const crypto = require('crypto');
function generateSignature(apiKey, apiSecret, meetingNumber, role) {
  const timestamp = new Date().getTime() - 30000;
  const msg = Buffer.from(apiKey + meetingNumber + timestamp + role).toString('base64');
  const hash = crypto.createHmac('sha256', apiSecret).update(msg).digest('base64');
  return Buffer.from(`${apiKey}.${meetingNumber}.${timestamp}.${role}.${hash}`).toString('base64'); // must-fire
}
module.exports = generateSignature;
exports.getSignature = (req, res) => {
  const role = req.body.role;
  const timestamp = new Date().getTime() - 30000;
  const msg = Buffer.from(process.env.API_KEY + req.body.meetingId + timestamp + role).toString('base64');
  const hash = crypto.createHmac('sha256', process.env.API_SECRET).update(msg).digest('base64');
  res.json({ signature: Buffer.from(`${process.env.API_KEY}.${req.body.meetingId}.${timestamp}.${role}.${hash}`).toString('base64') }); // must-fire
};
