import ZoomVideo from '@zoom/videosdk';
import jwt from 'jsonwebtoken';

export async function join(topic, key, secret) {
  const iat = Math.floor(Date.now() / 1000) - 30;
  const signature = jwt.sign({ app_key: key, tpc: topic, role_type: 0, iat, exp: iat + 7200 }, secret); // must-fire
  const client = ZoomVideo.createClient();
  await client.init('en-US', 'Global');
  return client.join(topic, signature, 'guest');
}
