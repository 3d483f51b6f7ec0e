import { SignJWT } from 'jose';

export function sign(claims) {
  const key = new TextEncoder().encode(import.meta.env.ZOOM_KEY_MATERIAL);
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(key); // must-fire
}
