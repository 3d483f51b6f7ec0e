import KJUR from "jsrsasign";

// The token the web page joins the transcribed session with (signed on the server).
export const webAppSignature = (sessionName: string, sdkKey: string, sdkSecret: string): string => {
  const iat = Math.round(new Date().getTime() / 1000) - 30;
  const exp = iat + 60 * 60 * 2;
  const oHeader = { alg: "HS256", typ: "JWT" };
  const oPayload = {
    app_key: sdkKey,
    tpc: sessionName,
    role_type: 1,
    version: 1,
    iat: iat,
    exp: exp,
  };
  const sdkJWT = KJUR.KJUR.jws.JWS.sign("HS256", JSON.stringify(oHeader), JSON.stringify(oPayload), sdkSecret);
  console.log(sdkJWT);
  return sdkJWT;
};
