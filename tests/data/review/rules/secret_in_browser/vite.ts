// src/lib/zoom.ts in a Vite app: jose in the browser with a VITE_ variable.
import { SignJWT } from 'jose';

const sdkKey = import.meta.env.VITE_ZOOM_SDK_KEY; // must-not-fire
const sdkSecret = import.meta.env.VITE_ZOOM_SDK_SECRET; // must-fire

export async function generateSignature(meetingNumber: string, role: number) {
  const iat = Math.floor(Date.now() / 1000) - 30;
  const payload = { appKey: sdkKey, sdkKey, mn: meetingNumber, role, iat, exp: iat + 7200, tokenExp: iat + 7200 };
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(sdkSecret));
}
