const crypto = require('crypto');
function sign(header, payload, secret) {
  const h = Buffer.from(JSON.stringify(header)).toString('base64'); // must-fire
  const p = Buffer.from(JSON.stringify(payload)).toString('base64url'); // must-not-fire
  const stripped = Buffer.from(JSON.stringify(payload)).toString('base64').replace(/=+$/, ''); // must-fire
  const converted = btoa(JSON.stringify(payload)).replace(/\+/g, '-').replace(/\//g, '_'); // must-not-fire
  const auth = 'Basic ' + Buffer.from(`${id}:${secret}`).toString('base64'); // must-not-fire
  const s = crypto.createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url'); // must-not-fire
  return [h, p, stripped, converted, auth, s].join('.');
}
module.exports = { sign };
