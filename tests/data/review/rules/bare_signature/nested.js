function generateSignature(key, secret, meetingNumber, role) {
  const payload = { appKey: key, mn: meetingNumber, role, iat: 1, exp: 7201, tokenExp: 7201 };
  function macOf(secretKey, message) {
    const hash = CryptoJS.HmacSHA256(message, secretKey);
    return CryptoJS.enc.Base64url.stringify(hash); // must-not-fire
  }
  const signature = macOf(secret, JSON.stringify(payload));
  return signature; // must-fire
}
