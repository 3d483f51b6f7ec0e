// pages/meeting.js: signed on the server in getServerSideProps, only the token reaches the page.
import { KJUR } from 'jsrsasign';
import { useEffect } from 'react';

export async function getServerSideProps({ query }) {
  const iat = Math.round(Date.now() / 1000) - 30;
  const payload = { appKey: process.env.ZOOM_KEY, mn: query.mn, role: 0, iat, exp: iat + 7200, tokenExp: iat + 7200 };
  const signature = KJUR.jws.JWS.sign('HS256', '{"alg":"HS256","typ":"JWT"}', JSON.stringify(payload), process.env.ZOOM_SECRET); // must-not-fire
  return { props: { signature } };
}

export default function Meeting({ signature }) {
  useEffect(() => { window.join(signature); }, [signature]);
  return null;
}
