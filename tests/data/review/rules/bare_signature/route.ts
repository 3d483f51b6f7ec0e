import { NextResponse } from 'next/server';
import crypto from 'crypto';

export async function PUT(req: Request) {
  const { meetingNumber } = await req.json();
  const signature = crypto.createHmac('sha256', process.env.ZOOM_SECRET!).update(String(meetingNumber)).digest('base64url');
  return new Response(JSON.stringify({ signature }), { headers: { 'Content-Type': 'application/json' } }); // must-fire
}

export async function POST(req: Request) {
  const { meetingNumber, role } = await req.json();
  const iat = Math.floor(Date.now() / 1000) - 30;
  const exp = iat + 7200;
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const claims = { appKey: process.env.ZOOM_KEY, sdkKey: process.env.ZOOM_KEY, mn: meetingNumber, role, iat, exp, tokenExp: exp };
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = crypto.createHmac('sha256', process.env.ZOOM_SECRET!).update(`${header}.${payload}`).digest('base64url');
  const jwt = `${header}.${payload}.${signature}`;
  return NextResponse.json({ signature: jwt }); // must-not-fire
}
