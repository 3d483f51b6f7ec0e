// Signed on the device for the demo only: a real app asks its server for the token.
// @ts-ignore
import { sign } from 'react-native-pure-jwt';

const ZOOM_APP_KEY = '';
const ZOOM_APP_SECRET = '';

function randomIdentity(length: number) {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let identity = '';
  for (let i = 0; i < length; i++) identity += letters.charAt(Math.floor(Math.random() * letters.length));
  return identity;
}

export default async function videoJwt(sessionName: string, roleType: string) {
  try {
    return await sign(
      {
        app_key: ZOOM_APP_KEY,
        version: 1,
        user_identity: randomIdentity(10),
        iat: new Date().getTime(),
        exp: new Date(Date.now() + 23 * 3600 * 1000).getTime(),
        tpc: sessionName,
        role_type: parseInt(roleType, 10),
        cloud_recording_option: 1,
      },
      ZOOM_APP_SECRET,
      { alg: 'HS256' }
    );
  } catch (e) {
    return '';
  }
}
