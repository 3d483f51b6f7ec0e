import { KJUR } from 'jsrsasign';

export function typed(key: string, secret: string, mn: string, role: string) { // must-fire: role_not_number
  const iat = Math.round(Date.now() / 1000) - 30;
  const exp = iat + 60 * 60 * 2;
  const payload = { appKey: key, sdkKey: key, mn, role, iat, exp, tokenExp: exp };
  return KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), secret);
}

export function literalTyped(key: string, secret: string, mn: string, role: '0' | '1') { // must-fire: role_not_number
  const iat = Math.round(Date.now() / 1000) - 30;
  const exp = iat + 60 * 60 * 2;
  const payload = { appKey: key, mn, role, iat, exp, tokenExp: exp };
  return KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), secret);
}

export function numbered(key: string, secret: string, mn: string, role: number) {
  const iat = Math.round(Date.now() / 1000) - 30;
  const exp = iat + 60 * 60 * 2;
  const payload = { appKey: key, mn, role, iat, exp, tokenExp: exp }; // must-not-fire: role_not_number
  return KJUR.jws.JWS.sign('HS256', JSON.stringify({ alg: 'HS256', typ: 'JWT' }), JSON.stringify(payload), secret);
}

export function converted(key: string, secret: string, mn: string, role: number) {
  const iat = Math.round(Date.now() / 1000) - 30;
  const exp = iat + 60 * 60 * 2;
  const a = { appKey: key, mn, role: String(role), iat, exp, tokenExp: exp }; // must-fire: role_not_number
  const b = { appKey: key, mn, role: role.toString(), iat, exp, tokenExp: exp }; // must-fire: role_not_number
  const c = { appKey: key, mn, role: `${role}`, iat, exp, tokenExp: exp }; // must-fire: role_not_number
  const d = { appKey: key, mn, role: process.env.ZOOM_ROLE, iat, exp, tokenExp: exp }; // must-fire: role_not_number
  const e = { appKey: key, mn, role: Number(process.env.ZOOM_ROLE), iat, exp, tokenExp: exp }; // must-not-fire: role_not_number
  const f = { appKey: key, mn, role: parseInt(String(role), 10), iat, exp, tokenExp: exp }; // must-not-fire: role_not_number
  return [a, b, c, d, e, f];
}

export async function POST(request: Request) {
  const { meetingNumber, role } = await request.json();
  const iat = Math.round(Date.now() / 1000) - 30;
  const payload = { appKey: 'k', mn: meetingNumber, role, iat, exp: iat + 7200, tokenExp: iat + 7200 }; // must-fire: role_not_number
  return new Response(KJUR.jws.JWS.sign('HS256', '{"alg":"HS256"}', JSON.stringify(payload), process.env.ZOOM_SECRET));
}

function sign(key: string, secret: string, mn: string, role) {
  const iat = Math.round(Date.now() / 1000) - 30;
  const payload = { appKey: key, mn, role, iat, exp: iat + 7200, tokenExp: iat + 7200 };
  return KJUR.jws.JWS.sign('HS256', '{"alg":"HS256"}', JSON.stringify(payload), secret);
}
console.log(sign(process.env.KEY, process.env.SECRET, process.env.MN, process.env.ROLE)); // must-fire: role_not_number
console.log(sign(process.env.KEY, process.env.SECRET, process.env.MN, 0)); // must-not-fire: role_not_number

const asNumbers = (body) => ({ ...body, role: typeof body.role === 'string' ? parseInt(body.role, 10) : body.role });
export async function PUT(request: Request) {
  const { meetingNumber, role } = asNumbers(await request.json());
  const iat = Math.round(Date.now() / 1000) - 30;
  const payload = { appKey: 'k', mn: meetingNumber, role, iat, exp: iat + 7200, tokenExp: iat + 7200 }; // must-not-fire: role_not_number
  return new Response(KJUR.jws.JWS.sign('HS256', '{"alg":"HS256"}', JSON.stringify(payload), process.env.ZOOM_SECRET));
}
