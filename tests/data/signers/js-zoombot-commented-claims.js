const KJUR = require("jsrsasign");

const MEETING_SDK_KEY = "Tq2wErT5yUi8oPa1sDf4G";
const MEETING_SDK_SECRET = "Zx8cVb2nMq5wEr7tYu1iOp4aSd6fGh3J";

const run = () => {
  const lifetime = 60 * 60 * 2;
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + lifetime;
  const header = { alg: "HS256", typ: "JWT" };
  const payload = {
    appKey: MEETING_SDK_KEY,
    sdkKey: MEETING_SDK_KEY,
    // mn: meetingNumber,
    // role,
    iat,
    exp,
    // tokenExp: exp,
  };
  const token = KJUR.jws.JWS.sign("HS256", JSON.stringify(header), JSON.stringify(payload), MEETING_SDK_SECRET);
  console.log(`token: ${token}`);
  return token;
};

run();
