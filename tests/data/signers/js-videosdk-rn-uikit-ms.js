// Demo only: the secret should stay on a server.
import jwt from 'react-native-pure-jwt';
import { ZOOM_APP_KEY, ZOOM_APP_SECRET } from './constant';

export default async function makeSessionToken(sessionName, roleType) {
  try {
    const token = await jwt.sign(
      {
        version: 1,
        tpc: sessionName,
        app_key: ZOOM_APP_KEY,
        iat: new Date().getTime(),
        user_identity: 'rn-' + Math.random().toString(36).slice(2, 12),
        role_type: parseInt(roleType, 10),
        exp: new Date(Date.now() + 23 * 3600 * 1000).getTime(),
      },
      ZOOM_APP_SECRET,
      { alg: 'HS256' }
    );
    return token;
  } catch (e) {
    console.log(e);
    return '';
  }
}
