import ZoomVideo from '@zoom/videosdk';
import { KJUR } from 'jsrsasign';

// A demo page that signs and joins in one place, with the same encoded name on both sides: they agree.
export async function start(sdkKey, sdkSecret, sessionName, userName) {
  const topic = encodeURIComponent(sessionName); // must-not-fire
  const iat = Math.floor(Date.now() / 1000);
  const payload = { app_key: sdkKey, tpc: topic, role_type: 1, version: 1, iat, exp: iat + 7200 }; // must-not-fire
  const token = KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), sdkSecret);
  const client = ZoomVideo.createClient();
  await client.init('en-US', 'Global');
  await client.join(topic, token, userName);
}
