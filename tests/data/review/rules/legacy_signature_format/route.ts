// A Next.js route handler still signing the pre-2022 way (after published app/api/zoom routes).
import { NextResponse } from 'next/server';
import crypto from 'crypto';

export async function POST(req: Request) {
  const { meetingNumber, role } = await req.json();
  const apiKey = process.env.ZOOM_API_KEY!;
  const timestamp = new Date().getTime() - 30000;
  const msg = Buffer.from(`${apiKey}${meetingNumber}${timestamp}${role}`).toString('base64');
  const hash = crypto.createHmac('sha256', process.env.ZOOM_API_SECRET!).update(msg).digest('base64');
  const signature = Buffer.from(`${apiKey}.${meetingNumber}.${timestamp}.${role}.${hash}`).toString('base64'); // must-fire
  return NextResponse.json({ signature });
}
