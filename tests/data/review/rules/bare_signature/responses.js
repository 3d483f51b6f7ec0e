const crypto = require('crypto');
const express = require('express');
const app = express();
app.post('/signature', (req, res) => {
  const signature = crypto.createHmac('sha256', process.env.ZOOM_SECRET).update(`${req.body.meetingNumber}`).digest('base64url');
  res.json({ signature, meetingNumber: req.body.meetingNumber }); // must-fire
});
app.post('/token', (req, res) => {
  const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  const payload = Buffer.from(JSON.stringify(req.body)).toString('base64url');
  const signature = crypto.createHmac('sha256', process.env.ZOOM_SECRET).update(`${header}.${payload}`).digest('base64url');
  res.json({ signature: `${header}.${payload}.${signature}` }); // must-not-fire
});
