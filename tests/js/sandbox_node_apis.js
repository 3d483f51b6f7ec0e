// Node's crypto and Buffer as signers use them, and at their edges, for tests/test_code_doctor_sandbox.py:
// run in the sandbox and on Node, every result (or error) of this part of the cases, as one JSON text.
const PARTS = 3, PART = Number('{part}')
const crypto = require('crypto')
const jwt = require('jsonwebtoken')
const { Buffer: NamedBuffer } = require('node:buffer')

function generateSignature(key, secret) {
  const results = []
  let count = 0
  const attempt = (what) => {  // this run's share of the cases: the sandbox reports up to 20 000 characters
    if (count++ % PARTS !== PART) return
    try { results.push(what()) } catch (error) { results.push(`${error.name}: ${error.message}`) }
  }
  const texts = ['', 'a', 'ab', 'abc', 'héllo wörld ✓ 😀', '\u0000\u00ff\u007f\u0080', 'x.y-z_+/=', '\ud800 lone']
  const encodings = ['utf8', 'utf-8', 'UTF8', 'base64', 'base64url', 'hex', 'latin1', 'binary', 'ascii', 'utf16le', 'ucs2']
  for (const text of texts) {
    for (const encoding of encodings) {
      attempt(() => Buffer.from(text).toString(encoding))
      attempt(() => Buffer.from(text, encoding).toString('hex'))
    }
  }
  const encoded = ['YQ==YQ==', 'YR', 'a-_b', 'YWJj ZGVm', 'YW\nJj', '=YWJj', 'YWJ=jZA', 'é YWJj', 'Y', 'YWJjZA', '+/+/',
    '-_-_', 'aGVsbG8gd29ybGQ', 'eyJhbGciOiJIUzI1NiJ9', 'abc', 'zz11', '11zz22', 'ABCD', '1g', '']
  for (const text of encoded) for (const encoding of ['base64', 'base64url', 'hex']) {
    attempt(() => Buffer.from(text, encoding).toString('hex'))
  }
  const keys = [secret, key, '', 'ключ 🔑', Buffer.from(secret, 'base64'), Buffer.from(secret), new Uint8Array([1, 2, 3])]
  const algorithms = ['sha256', 'SHA256', 'sha1', 'sha224', 'sha384', 'sha512', 'md5']
  for (const hmacKey of keys) for (const algorithm of algorithms) for (const text of texts) {
    attempt(() => crypto.createHmac(algorithm, hmacKey).update(text).digest('hex'))
  }
  for (const encoding of ['base64', 'base64url', 'hex', 'latin1', 'binary', undefined]) {
    attempt(() => String(crypto.createHmac('sha256', secret).update('eyJ9.eyJ9').digest(encoding)))
    attempt(() => crypto.createHash('sha256').update('eyJ9.eyJ9').digest(encoding))
  }
  attempt(() => crypto.createHmac('sha256', secret).update('a').update(Buffer.from('b')).update('63', 'hex').digest('base64url'))
  attempt(() => crypto.createHmac('sha256', secret).update('YWJj', 'base64').update('é', 'latin1').digest().toString('base64'))
  attempt(() => crypto.createHmac('sha256', secret).update(new Uint8Array([0, 255])).digest().length)
  attempt(() => { const h = crypto.createHmac('sha256', secret); h.digest(); return h.digest('hex') })
  attempt(() => crypto.createHmac('sha256', undefined))
  attempt(() => crypto.createHmac('sha256', 0))
  attempt(() => crypto.createHmac('sha256', secret).update(12))
  attempt(() => crypto.createHmac('sha256', secret).update(null))
  attempt(() => crypto.createHmac('sha256', { secret }))
  attempt(() => crypto.createHmac('sha256', true))
  attempt(() => { const h = crypto.createHash('sha256'); h.digest(); return h.digest('hex') })
  attempt(() => { const h = crypto.createHmac('sha256', secret); h.digest(); return h.update('x') })
  attempt(() => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(crypto.randomUUID()))
  attempt(() => Buffer.from('x', 'nope'))
  attempt(() => Buffer.from('x').toString('nope'))
  attempt(() => Buffer.from(undefined))
  attempt(() => [Buffer.alloc(3).toString('hex'), Buffer.alloc(5, 'ab').toString(), Buffer.alloc(4, 1).toString('hex')])
  attempt(() => [Buffer.byteLength('😀é'), Buffer.byteLength('YWJj', 'base64'), Buffer.isBuffer(Buffer.from('')),
    Buffer.isBuffer(new Uint8Array(1)), Buffer.isEncoding('base64url'), Buffer.isEncoding('nope')])
  attempt(() => { const b = Buffer.from('héllo'); return [b.length, String(b), `${b}`, b + '', JSON.stringify(b),
    b.slice(1, 3).toString('hex'), b.subarray(2).toString(), b.equals(Buffer.from('héllo')), b.equals(Buffer.from('x'))] })
  attempt(() => [Buffer.from([256, -1, 3.7, 65]).toString('hex'), Buffer.from(new Uint8Array([1, 2])).toString('hex'),
    Buffer.from(new Uint8Array([7, 8, 9]).buffer, 1, 1).toString('hex'), Buffer.from({ type: 'Buffer', data: [104, 105] }).toString(),
    Buffer.from(Buffer.from('copy')).toString(), NamedBuffer === Buffer])
  attempt(() => Buffer.concat([Buffer.from('ab'), Buffer.from('cd'), new Uint8Array([101])]).toString())
  attempt(() => Buffer.concat([Buffer.from('abcd')], 2).toString())
  attempt(() => [crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')), crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ac'))])
  attempt(() => crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('abc')))
  attempt(() => [crypto.randomBytes(16).length, typeof crypto.randomUUID(), crypto.randomUUID().length])
  const payload = { appKey: key, mn: '85746065432', role: 0 }
  const options = [undefined, {}, { expiresIn: '2h' }, { expiresIn: '1d' }, { expiresIn: '90' }, { expiresIn: 3600 },
    { expiresIn: '1.5h' }, { expiresIn: '10 minutes' }, { expiresIn: '-5m' }, { notBefore: 60, expiresIn: '1h' },
    { noTimestamp: true }, { audience: 'zoom', issuer: 'me', subject: 's', jwtid: 'j' }, { keyid: 'k1' },
    { header: { typ: 'JWT', alg: 'HS256', x: 1 } }, { algorithm: 'HS256', expiresIn: '5m' }, { expiresIn: 'abc' }]
  for (const option of options) attempt(() => jwt.sign(payload, secret, option))
  attempt(() => jwt.sign({ ...payload, iat: 1700000000 }, secret, { expiresIn: 7200 }))
  attempt(() => jwt.sign({ ...payload, exp: 1 }, secret, { expiresIn: 7200 }))
  attempt(() => jwt.sign({ ...payload, iat: '1' }, secret))
  attempt(() => jwt.sign('a text payload', secret))
  attempt(() => jwt.sign(Buffer.from('{"a":1}'), secret))
  attempt(() => jwt.sign('text', secret, { expiresIn: 60 }))
  attempt(() => jwt.sign(payload, ''))
  attempt(() => jwt.sign(payload, Buffer.from(secret, 'base64')))
  return JSON.stringify(results)
}
