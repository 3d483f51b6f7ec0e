import { createHmac } from './hmac';

export function sign(message) {
  return createHmac('sha256', import.meta.env.ZOOM_SIGNING_KEY).update(message).digest('base64url'); // must-fire
}
