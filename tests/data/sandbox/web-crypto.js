// Web Crypto, as a page or Node 20's global crypto has it: the signer is async.
async function generateSignature(key, secret, meetingNumber, role) {
  const iat = Math.floor(Date.now() / 1000) - 30
  const exp = iat + 60 * 60 * 2
  const segment = (value) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
  const input = segment({ alg: 'HS256', typ: 'JWT' }) + '.' + segment({ appKey: key, sdkKey: key, mn: meetingNumber, role, iat, exp, tokenExp: exp })
  const encoder = new TextEncoder()
  const hmacKey = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, encoder.encode(input)))
  return input + '.' + btoa(String.fromCharCode(...mac)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
}
