'use client';
// A Next.js client component that signs for itself (after published app/meeting/page.tsx components).
import { useEffect } from 'react';
import { KJUR } from 'jsrsasign';

export default function Meeting({ meetingNumber }) {
  useEffect(() => {
    const iat = Math.round(Date.now() / 1000) - 30;
    const payload = { appKey: process.env.ZOOM_KEY, mn: meetingNumber, role: 0, iat, exp: iat + 7200, tokenExp: iat + 7200 };
    const signature = KJUR.jws.JWS.sign('HS256', '{"alg":"HS256","typ":"JWT"}', JSON.stringify(payload), process.env.ZOOM_SECRET); // must-fire
    fetch('/api/join', { method: 'POST', body: JSON.stringify({ signature }) });
  }, [meetingNumber]);
  return <div id="meetingSDKElement" />;
}
