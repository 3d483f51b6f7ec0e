import { KJUR } from "jsrsasign";

export default defineEventHandler(async (event) => {
  const query = getQuery(event);
  if (typeof query.slug !== "string") {
    throw createError({ statusCode: 400, statusMessage: "Add a session name as string" });
  }
  return sessionToken(query.slug, 1);
});

function sessionToken(sessionName: string, role: number) {
  const config = useRuntimeConfig();
  const sdkKey = config.ZoomVideoSDKKey;
  const sdkSecret = config.ZoomVideoSDKSecret;
  if (!sdkKey || !sdkSecret) {
    throw new Error("Missing the Video SDK key or secret");
  }
  const iat = Math.round(new Date().getTime() / 1000) - 30;
  const exp = iat + 60 * 60 * 2;
  const oHeader = { alg: "HS256", typ: "JWT" };
  const oPayload = { app_key: sdkKey, tpc: sessionName, role_type: role, version: 1, iat: iat, exp: exp };
  return KJUR.jws.JWS.sign("HS256", JSON.stringify(oHeader), JSON.stringify(oPayload), sdkSecret);
}
