import ZoomVideo from '@zoom/videosdk';
import { KJUR } from 'jsrsasign';

// The same page joining with the name as typed: the signed tpc is another session's.
export async function start(sdkKey, sdkSecret, sessionName, userName) {
  const iat = Math.floor(Date.now() / 1000);
  const payload = { app_key: sdkKey, tpc: encodeURIComponent(sessionName), role_type: 1, version: 1, iat, exp: iat + 7200 }; // must-fire
  const token = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), sdkSecret);
  const client = ZoomVideo.createClient();
  await client.init('en-US', 'Global');
  window.history.pushState(encodeURIComponent(sessionName), ''); // must-not-fire
  await client.join(sessionName, token, userName);
}
