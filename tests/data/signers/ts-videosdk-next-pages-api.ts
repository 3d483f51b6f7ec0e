import { KJUR } from "jsrsasign";
import type { NextApiRequest, NextApiResponse } from "next";

export default function handler(req: NextApiRequest, res: NextApiResponse<{ sdkJWT: string }>) {
  const { sessionName, role } = req.query;
  const sdkJWT = videoToken(sessionName as string, parseInt(role as string));
  res.status(200).json({ sdkJWT });
}

function videoToken(sessionName: string, role: number) {
  if (!process.env.ZOOM_SDK_KEY || !process.env.ZOOM_SDK_SECRET) {
    throw new Error("Missing ZOOM_SDK_KEY or ZOOM_SDK_SECRET");
  }
  const iat = Math.round(new Date().getTime() / 1000) - 30;
  const exp = iat + 60 * 60 * 2;
  const header = { alg: "HS256", typ: "JWT" };
  const payload = {
    app_key: process.env.ZOOM_SDK_KEY,
    tpc: sessionName,
    role_type: role,
    version: 1,
    iat: iat,
    exp: exp,
  };
  return KJUR.jws.JWS.sign("HS256", JSON.stringify(header), JSON.stringify(payload), process.env.ZOOM_SDK_SECRET);
}
