import { KJUR } from 'jsrsasign';

export function videoToken(sessionName: string, role: number): string {
  const iat = Math.floor(Date.now() / 1000);
  const tpc = encodeURI(sessionName.trim()); // must-fire
  const payload = { app_key: process.env.ZOOM_SDK_KEY, tpc, role_type: role, version: 1, iat, exp: iat + 7200 };
  return KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), process.env.ZOOM_SDK_SECRET as string);
}

export function joinUrl(sessionName: string): string {
  return `/call/${encodeURIComponent(sessionName)}`; // must-not-fire
}
