import KJUR from "jsrsasign";

// Demo only: sign on a server in production.
const sdkKey = import.meta.env.VITE_SDK_KEY as string;
const sdkSecret = import.meta.env.VITE_SDK_SECRET as string;

if (!sdkKey || !sdkSecret) {
  alert("Set the SDK key and secret in .env");
  throw new Error("SDK key and secret are required");
}

export const pageSignature = (sessionName: string): string => {
  const iat = Math.round(new Date().getTime() / 1000) - 30;
  const exp = iat + 60 * 60 * 2;
  const oPayload = { app_key: sdkKey, tpc: sessionName, role_type: 1, version: 1, iat: iat, exp: exp };
  return KJUR.KJUR.jws.JWS.sign("HS256", JSON.stringify({ alg: "HS256", typ: "JWT" }), JSON.stringify(oPayload), sdkSecret);
};
