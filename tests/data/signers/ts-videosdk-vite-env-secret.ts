import ZoomVideo from "@zoom/videosdk";
import KJUR from "jsrsasign";

const sdkKey = import.meta.env.VITE_SDK_KEY;
const sdkSecret = import.meta.env.VITE_SDK_SECRET;

// Signed in the page for the demo; a real app signs on its server.
export function sessionSignature(sessionName: string, role: number) {
  const iat = Math.round(new Date().getTime() / 1000) - 30;
  const exp = iat + 60 * 60 * 2;
  const oHeader = { alg: "HS256", typ: "JWT" };
  const oPayload = { app_key: sdkKey, tpc: sessionName, role_type: role, version: 1, iat: iat, exp: exp };
  return KJUR.KJUR.jws.JWS.sign("HS256", JSON.stringify(oHeader), JSON.stringify(oPayload), sdkSecret);
}

export async function joinSession(sessionName: string, userName: string) {
  const client = ZoomVideo.createClient();
  await client.init("en-US", "Global", { patchJsMedia: true });
  await client.join(sessionName, sessionSignature(sessionName, 1), userName);
  return client;
}
