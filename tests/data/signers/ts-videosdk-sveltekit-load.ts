import { ZOOM_SDK_KEY, ZOOM_SDK_SECRET } from '$env/static/private';
import { KJUR } from 'jsrsasign';

export const load = async ({ params }) => {
  return { JWT: hostToken(params.slug, 1) };
};

function hostToken(sessionName: string, role: number) {
  if (!ZOOM_SDK_KEY || !ZOOM_SDK_SECRET) {
    throw new Error('Missing ZOOM_SDK_KEY or ZOOM_SDK_SECRET');
  }
  const iat = Math.round(new Date().getTime() / 1000) - 30;
  const exp = iat + 60 * 60 * 2;
  const header = { alg: 'HS256', typ: 'JWT' };
  const payload = { app_key: ZOOM_SDK_KEY, tpc: sessionName, role_type: role, version: 1, iat: iat, exp: exp };
  return KJUR.jws.JWS.sign('HS256', JSON.stringify(header), JSON.stringify(payload), ZOOM_SDK_SECRET);
}
