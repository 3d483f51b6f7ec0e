// Runs in the sandboxed frame's worker. The job brings the libraries the code names, the demo credentials, a
// frozen clock and the code. Each library runs in a function of its own and lands in a module registry that the
// code's `require` reads (import lines arrive as require lines, lib/review/runnable.py), and the code runs in a
// function of its own too, as Node runs a CommonJS module: nothing it declares can clash with a library.
// Node's crypto and Buffer, the part signers use, are written here on crypto-js. What the sandbox cannot do (files,
// network, a server, a module it does not have) throws a SandboxLimit, reported as the sandbox's limit, never as
// what the code would do on its own server. The worker posts back once: what the function returned or threw.
self.onmessage = async (event) => {
  const job = event.data;
  const loadScript = self.importScripts.bind(self);
  const load = (text) => loadScript(URL.createObjectURL(new Blob([text], { type: "text/javascript" })));

  class SandboxLimit extends Error {}
  SandboxLimit.prototype.name = "SandboxLimit";
  const limit = (message) => { throw new SandboxLimit(`the sandbox ${message}`); };

  const frozen = job.nowMs, RealDate = Date;
  self.Date = class extends RealDate {
    constructor(...values) { if (values.length) super(...values); else super(frozen); }
    static now() { return frozen; }
  };

  // The libraries: each a CommonJS module run in a function of its own (their UMD wrappers see `module`).
  const modules = {};
  for (const [name, source] of Object.entries(job.libraries)) {
    load(`self.signatureLabLibrary = function (module, exports) {\n${source}\n};`);
    const module = { exports: {} };
    self.signatureLabLibrary.call(module.exports, module, module.exports);
    modules[name] = module.exports;
  }
  delete self.signatureLabLibrary;
  const CryptoJS = modules["crypto-js"];

  // Buffer: bytes (a Uint8Array) with Node's text encodings.
  const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const SEXTETS = Object.fromEntries([...ALPHABET].map((c, i) => [c, i]).concat([["-", 62], ["_", 63]]));
  const ENCODINGS = { utf8: "utf8", "utf-8": "utf8", base64: "base64", base64url: "base64url", hex: "hex",
    latin1: "latin1", binary: "latin1", ascii: "ascii", ucs2: "utf16le", "ucs-2": "utf16le", utf16le: "utf16le",
    "utf-16le": "utf16le" };
  const encodingOf = (encoding) => {
    const known = ENCODINGS[String(encoding === undefined ? "utf8" : encoding).toLowerCase()];
    if (!known) throw new TypeError(`Unknown encoding: ${encoding}`);
    return known;
  };
  const codeUnits = (text) => Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
  const textBytes = (text, encoding) => {
    switch (encodingOf(encoding)) {
      case "utf8": return new TextEncoder().encode(text);
      case "base64": case "base64url": {  // as Node reads it: either alphabet, up to the first "=", skipping others
        const bytes = [];
        let bits = 0, value = 0;
        for (const c of text) {
          if (c === "=") break;
          if (!(c in SEXTETS)) continue;
          value = ((value << 6) | SEXTETS[c]) & 0xffffff;
          bits += 6;
          if (bits >= 8) { bits -= 8; bytes.push((value >> bits) & 0xff); }
        }
        return bytes;
      }
      case "hex": {  // pairs up to the first that is not hex
        const bytes = [];
        for (let i = 0; i + 1 < text.length; i += 2) {
          const pair = text.slice(i, i + 2);
          if (!/^[0-9a-fA-F]{2}$/.test(pair)) break;
          bytes.push(parseInt(pair, 16));
        }
        return bytes;
      }
      case "utf16le": return codeUnits(text).flatMap((unit) => [unit & 0xff, unit >> 8]);
      default: return codeUnits(text).map((unit) => unit & 0xff);  // latin1, ascii
    }
  };
  const bytesText = (bytes, encoding) => {
    const latin1 = () => Array.from(bytes, (b) => String.fromCharCode(b)).join("");
    switch (encodingOf(encoding)) {
      case "utf8": return new TextDecoder().decode(bytes);
      case "base64": return btoa(latin1());
      case "base64url": return btoa(latin1()).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
      case "hex": return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      case "ascii": return Array.from(bytes, (b) => String.fromCharCode(b & 0x7f)).join("");
      case "utf16le": return Array.from({ length: bytes.length >> 1 },
        (_, i) => String.fromCharCode(bytes[2 * i] | (bytes[2 * i + 1] << 8))).join("");
      default: return latin1();
    }
  };
  class Buffer extends Uint8Array {
    static from(value, encoding, length) {
      if (typeof value === "string") return Buffer.of(...textBytes(value, encoding));
      if (value instanceof ArrayBuffer) return new Buffer(value, encoding || 0, length);
      if (ArrayBuffer.isView(value)) return new Buffer(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      if (value && value.type === "Buffer" && Array.isArray(value.data)) return new Buffer(value.data);
      if (value && typeof value === "object" && typeof value.length === "number") return new Buffer(Array.from(value));
      throw new TypeError("The first argument must be of type string or an instance of Buffer, ArrayBuffer, or Array "
        + `or an Array-like Object. Received ${value === null ? "null" : typeof value}`);
    }
    static of(...bytes) {
      const buffer = new Buffer(bytes.length);
      buffer.set(bytes);
      return buffer;
    }
    static alloc(size, fill = 0, encoding) {
      const buffer = new Buffer(size);
      const pattern = typeof fill === "number" ? [fill & 0xff] : Array.from(Buffer.from(fill, encoding));
      if (pattern.length) for (let i = 0; i < size; i++) buffer[i] = pattern[i % pattern.length];
      return buffer;
    }
    static isBuffer(value) { return value instanceof Buffer; }
    static isEncoding(encoding) { return typeof encoding === "string" && encoding.toLowerCase() in ENCODINGS; }
    static byteLength(value, encoding) { return typeof value === "string" ? textBytes(value, encoding).length : value.byteLength; }
    static concat(list, total) {
      const bytes = list.flatMap((part) => Array.from(part));
      return Buffer.of(...(total === undefined ? bytes : bytes.slice(0, total)));
    }
    toString(encoding, start = 0, end = this.length) { return bytesText(this.subarray(start, end), encoding); }
    toJSON() { return { type: "Buffer", data: Array.from(this) }; }
    equals(other) { return this.length === other.length && this.every((b, i) => b === other[i]); }
    slice(start, end) { return this.subarray(start, end); }
    write(text, offset = 0, encoding) {
      const bytes = textBytes(text, encoding).slice(0, this.length - offset);
      this.set(bytes, offset);
      return bytes.length;
    }
  }
  const received = (value) => value === null || value === undefined ? `Received ${value}`  // as Node words it
    : typeof value === "object" ? `Received an instance of ${value.constructor ? value.constructor.name : "Object"}`
      : `Received type ${typeof value} (${String(value)})`;
  const bytesOf = (data, encoding, what = '"data" argument', kinds = "Buffer, TypedArray, or DataView") => {
    if (typeof data === "string") return Buffer.from(data, encoding);
    if (ArrayBuffer.isView(data) || data instanceof ArrayBuffer) return Buffer.from(data);
    throw new TypeError(`The ${what} must be of type string or an instance of ${kinds}. ${received(data)}`);
  };

  // Node's crypto, the part signers use, on crypto-js.
  const DIGESTS = { sha256: "SHA256", sha1: "SHA1", sha224: "SHA224", sha384: "SHA384", sha512: "SHA512", md5: "MD5",
    ripemd160: "RIPEMD160" };
  const digestOf = (algorithm, call) => {
    const name = DIGESTS[String(algorithm).toLowerCase().replace(/^rsa-/, "").replace(/-/g, "")];
    if (!name) limit(`cannot ${call}("${algorithm}"): it has ${Object.keys(DIGESTS).join(", ")}`);
    return CryptoJS.algo[name];
  };
  const words = (bytes) => CryptoJS.lib.WordArray.create(Uint8Array.from(bytes));
  const wordBytes = (wordArray) => Buffer.of(...Array.from({ length: wordArray.sigBytes },
    (_, i) => (wordArray.words[i >>> 2] >>> (24 - (i % 4) * 8)) & 0xff));
  const hasher = (state, isHmac) => {
    let finished = false;
    const hash = {
      update(data, encoding) {
        if (finished) throw new Error("Digest already called");
        state.update(words(bytesOf(data, encoding)));
        return hash;
      },
      digest(encoding) {
        if (finished && !isHmac) throw new Error("Digest already called");
        const bytes = finished ? Buffer.alloc(0) : wordBytes(state.finalize());  // Node's Hmac: empty, once done
        finished = true;
        return encoding === undefined || encoding === "buffer" ? bytes : bytes.toString(encoding);
      },
    };
    return hash;
  };
  const nodeCrypto = {
    createHmac(algorithm, key) {
      const keyBytes = bytesOf(key, "utf8", '"key" argument', "ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey");
      return hasher(CryptoJS.algo.HMAC.create(digestOf(algorithm, "crypto.createHmac"), words(keyBytes)), true);
    },
    createHash: (algorithm) => hasher(digestOf(algorithm, "crypto.createHash").create(), false),
    randomBytes: (size) => Buffer.from(self.crypto.getRandomValues(new Uint8Array(size))),
    randomUUID: () => {  // version 4 (a worker outside a secure context has no crypto.randomUUID)
      const hex = Buffer.from(self.crypto.getRandomValues(new Uint8Array(16))).toString("hex").split("");
      hex[12] = "4";
      hex[16] = "89ab"[parseInt(hex[16], 16) & 3];
      return hex.join("").replace(/^(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-");
    },
    getRandomValues: (array) => self.crypto.getRandomValues(array),
    timingSafeEqual(a, b) {
      if (a.byteLength !== b.byteLength) throw new RangeError("Input buffers must have the same byte length");
      return Buffer.from(a).equals(Buffer.from(b));
    },
    webcrypto: self.crypto,
    get subtle() { return self.crypto.subtle; },
  };

  // jsonwebtoken's sign, for HS256, as jsonwebtoken 9 builds the token (tests check it against the real one).
  const TIMESPAN = /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i;
  const UNIT_MS = { y: 31557600000, w: 604800000, d: 86400000, h: 3600000, m: 60000, s: 1000 };
  const timespan = (time, timestamp, option) => {
    if (typeof time === "number") return timestamp + time;
    const match = typeof time === "string" && TIMESPAN.exec(time);
    if (!match) {
      throw new Error(`"${option}" should be a number of seconds or string representing a timespan eg: "1d", "20h", 60`);
    }
    const unit = (match[2] || "ms").toLowerCase();
    const milliseconds = parseFloat(match[1]) * (/^(ms|msecs?|milliseconds?)$/.test(unit) ? 1 : UNIT_MS[unit[0]]);
    return Math.floor(timestamp + milliseconds / 1000);
  };
  const base64url = (text) => Buffer.from(text).toString("base64url");
  const jsonwebtoken = {
    sign(payload, secret, options, callback) {
      if (typeof options === "function") { callback = options; options = {}; }
      options = options || {};
      const algorithm = options.algorithm || "HS256";
      if (algorithm !== "HS256") limit(`signs with jsonwebtoken in HS256 only, not ${algorithm}`);
      const isBuffer = Buffer.isBuffer(payload), isObject = typeof payload === "object" && payload !== null && !isBuffer;
      const header = { alg: algorithm, typ: isObject ? "JWT" : undefined, kid: options.keyid, ...options.header };
      if (!secret) throw new Error("secretOrPrivateKey must have a value");
      if (payload === undefined) throw new Error("payload is required");
      if (isObject) {
        for (const claim of ["iat", "exp", "nbf"]) {
          if (payload[claim] !== undefined && typeof payload[claim] !== "number") {
            throw new Error(`"${claim}" should be a number of seconds`);
          }
        }
        payload = { ...payload };
        if (payload.exp !== undefined && options.expiresIn !== undefined) {
          throw new Error('Bad "options.expiresIn" option the payload already has an "exp" property.');
        }
        if (payload.nbf !== undefined && options.notBefore !== undefined) {
          throw new Error('Bad "options.notBefore" option the payload already has an "nbf" property.');
        }
      } else if (options.expiresIn !== undefined || options.notBefore !== undefined) {
        throw new Error(`invalid ${options.expiresIn !== undefined ? "expiresIn" : "notBefore"} option for ${typeof payload} payload`);
      }
      const timestamp = payload.iat || Math.floor(Date.now() / 1000);
      if (options.noTimestamp) delete payload.iat;
      else if (isObject) payload.iat = timestamp;
      if (options.notBefore !== undefined) payload.nbf = timespan(options.notBefore, timestamp, "notBefore");
      if (options.expiresIn !== undefined) payload.exp = timespan(options.expiresIn, timestamp, "expiresIn");
      for (const [option, claim] of [["audience", "aud"], ["issuer", "iss"], ["subject", "sub"], ["jwtid", "jti"]]) {
        if (options[option] === undefined) continue;
        if (payload[claim] !== undefined) {
          throw new Error(`Bad "options.${option}" option. The payload already has an "${claim}" property.`);
        }
        payload[claim] = options[option];
      }
      const input = `${base64url(JSON.stringify(header))}.${base64url(typeof payload === "string" || isBuffer ? payload : JSON.stringify(payload))}`;
      const token = `${input}.${nodeCrypto.createHmac("sha256", secret).update(input).digest("base64url")}`;
      if (typeof callback !== "function") return token;
      setTimeout(() => callback(null, token));
      return undefined;
    },
  };
  for (const name of ["verify", "decode"]) {
    jsonwebtoken[name] = () => limit(`has jsonwebtoken's sign only, not jwt.${name}`);
  }

  // What Node or a page would have and the sandbox does not: a module whose every function says so when called.
  const unavailable = (what, reason) => new Proxy({}, {
    get: (target, property) => typeof property === "symbol" || property === "then" || property === "__esModule"
      ? undefined : () => limit(`${reason} (${what}.${property})`),
  });
  const inert = new Proxy(function () {}, {  // express, cors, body-parser: the app is built, never served
    get: (target, property) => typeof property === "symbol" || property === "then" ? undefined : inert,
    apply: () => inert,
    construct: () => inert,
  });
  class NextResponse extends Response {
    static json(body, init) { return Response.json(body, init); }
  }
  const NO_NETWORK = "has no network";
  const NODE_MODULES = { fs: "cannot read or write files", "fs/promises": "cannot read or write files",
    http: NO_NETWORK, https: NO_NETWORK, http2: NO_NETWORK, net: NO_NETWORK, tls: NO_NETWORK, dns: NO_NETWORK,
    child_process: "cannot start programs", os: "has no operating system", path: "has no file paths" };
  const builtins = {
    crypto: nodeCrypto, buffer: { Buffer }, jsonwebtoken, express: inert, cors: inert, "body-parser": inert,
    dotenv: { config: () => ({ parsed: {} }) }, "dotenv/config": {}, "next/server": { NextResponse },
  };
  const CRYPTO_JS_PART = /^crypto-js\/([\w-]+?)(\.js)?$/;
  const require = (name) => {
    if (typeof name !== "string") throw new TypeError(`The "id" argument must be of type string. Received ${typeof name}`);
    const bare = name.replace(/^node:/, "");
    if (bare in NODE_MODULES) return unavailable(bare, NODE_MODULES[bare]);
    if (bare in builtins) return builtins[bare];
    if (name in modules) return modules[name];
    const part = CRYPTO_JS_PART.exec(name);
    if (part && CryptoJS && part[1] in job.cryptoJsParts) {
      return job.cryptoJsParts[part[1]].reduce((value, key) => value[key], CryptoJS);
    }
    if (/^\.{0,2}\//.test(name)) limit(`has only the code pasted, not the file it requires ("${name}")`);
    if (/^@zoom(us)?\//.test(name)) return unavailable(name, "does not have Zoom's Web SDK");
    limit(`cannot load "${name}": it has crypto-js, jsrsasign, js-base64, jsonwebtoken's sign, `
      + "and Node's crypto (createHmac, createHash) and Buffer");
  };

  // The environment the code expects: Node's globals, a page's (the secret in storage), the demo credentials.
  const unset = new Set();
  const credential = (name) => /SECRET/i.test(name) ? job.secret : /KEY|CLIENT_?ID/i.test(name) ? job.key : undefined;
  const env = new Proxy({}, {
    get(target, name) {
      if (typeof name !== "string") return undefined;
      const value = credential(name);
      if (value === undefined) unset.add(name);
      return value;
    },
  });
  const process = { env, argv: [], versions: {}, platform: "browser", nextTick: (f, ...a) => queueMicrotask(() => f(...a)),
    cwd: () => limit("has no working directory (process.cwd)"), exit: () => limit("cannot exit (process.exit)"),
    on: () => process };
  Object.assign(self, { Buffer, process, global: self, window: self });
  if (CryptoJS) self.CryptoJS = CryptoJS;  // as a page's <script> tag would define them
  if (modules["js-base64"]) self.Base64 = modules["js-base64"].Base64;
  for (const [name, value] of Object.entries(modules.jsrsasign || {})) if (!(name in self)) self[name] = value;
  // Web Crypto's HMAC and digests, on crypto-js: a worker of a sandboxed (opaque) frame is no secure context, so
  // the browser gives it no crypto.subtle of its own.
  const arrayBuffer = (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  const hashName = (algorithm) => typeof algorithm === "string" ? algorithm : algorithm && (algorithm.name || algorithm);
  const subtle = new Proxy({
    async importKey(format, keyData, algorithm, extractable, usages) {
      if (format !== "raw" || String(hashName(algorithm)).toUpperCase() !== "HMAC") {
        limit(`has Web Crypto's raw HMAC keys only, not crypto.subtle.importKey("${format}", ${hashName(algorithm)})`);
      }
      const hash = hashName(algorithm.hash);
      digestOf(hash, "crypto.subtle.importKey");
      return { type: "secret", algorithm: { name: "HMAC", hash: { name: hash } }, extractable, usages, bytes: bytesOf(keyData) };
    },
    async sign(algorithm, key, data) {
      if (String(hashName(algorithm)).toUpperCase() !== "HMAC") limit(`signs with Web Crypto's HMAC only, not ${hashName(algorithm)}`);
      return arrayBuffer(hasher(CryptoJS.algo.HMAC.create(digestOf(key.algorithm.hash.name, "crypto.subtle.sign"),
        words(key.bytes)), true).update(bytesOf(data)).digest());
    },
    async digest(algorithm, data) {
      return arrayBuffer(hasher(digestOf(hashName(algorithm), "crypto.subtle.digest").create(), false).update(bytesOf(data)).digest());
    },
  }, {
    get: (target, property) => target[property]
      || (typeof property === "symbol" || property === "then" ? undefined : () => limit(`has no crypto.subtle.${property}`)),
  });
  if (!self.crypto.subtle && CryptoJS) Object.defineProperty(self.crypto, "subtle", { value: subtle });
  self.getCookie = () => job.secret;
  self.localStorage = self.sessionStorage = { getItem: () => job.secret, setItem() {}, removeItem() {} };
  self.fetch = (url) => limit(`${NO_NETWORK}: fetch(${JSON.stringify(String(url))}) was not sent`);
  self.importScripts = () => limit(`${NO_NETWORK} (importScripts)`);
  self.XMLHttpRequest = class extends XMLHttpRequest { open() { limit(`${NO_NETWORK} (XMLHttpRequest)`); } };
  self.WebSocket = self.EventSource = class { constructor() { limit(`${NO_NETWORK} (WebSocket)`); } };

  const describe = (error) => {
    const name = String(error && error.name || "Error"), message = String(error && error.message || error);
    const missing = name === "ReferenceError" && /^(\S+) is not defined$/.exec(message);
    if (error instanceof SandboxLimit) return { name, message, limit: message };
    if (missing) {
      return { name, message, limit: `the sandbox has no "${missing[1]}": it runs only the code pasted, so paste `
        + "what defines it too (or it is a page or Node.js API the sandbox does not give)" };
    }
    return { name, message };
  };

  // The code, in a function of its own, as Node wraps a module; the first line looks the signer up (hoisted
  // declarations are there even if the top level throws; `const` ones only once they ran).
  let find = () => undefined;
  const module = { exports: {} };
  let topLevel = null;
  self.postMessage({ started: true });  // the code's seconds count from here (lib/review/web/sandbox_frame.js)
  try {
    load(`self.signatureLabProgram = async function (exports, require, module, __filename, __dirname, signatureLabFind) {`
      + `signatureLabFind(() => { try { return ${job.function}; } catch (error) { return undefined; } });\n${job.script}\n};`);
    const program = self.signatureLabProgram;
    delete self.signatureLabProgram;
    await program.call(module.exports, module.exports, require, module, "/sandbox/signer.js", "/sandbox",
      (found) => { find = found; });
  } catch (error) {
    topLevel = describe(error);
  }
  const report = (message) => self.postMessage({ ...message, topLevel, unset: [...unset] });
  const signer = find();
  if (typeof signer !== "function") {
    report({ status: "no_function" });
    return;
  }
  let sent;  // what a handler sent with res.json / res.send, when it returns nothing
  const response = { status: () => response, set: () => response, header: () => response, setHeader: () => response,
    type: () => response, json: (body) => { sent = body; return response; }, send: (body) => { sent = body; return response; },
    end: (body) => { sent = body; return response; } };
  try {
    const argumentOf = (argument) => {
      if (argument && argument.$sandbox === "response") return response;
      if (argument && typeof argument === "object" && "body" in argument) {  // a request, read as Express or fetch's
        return { ...argument, json: async () => argument.body, text: async () => JSON.stringify(argument.body) };
      }
      return argument;
    };
    let value = signer(...job.arguments.map(argumentOf));
    if (value && typeof value.then === "function") value = await value;
    if (value === undefined) value = sent;
    if (value instanceof Response) value = await value.text();
    if (typeof value === "string" && value.startsWith("{")) {  // a JSON body: its signature, if it has one
      try { const body = JSON.parse(value); if (typeof body.signature === "string") value = body; } catch (error) { /* text */ }
    }
    if (value && typeof value === "object" && typeof value.signature === "string") value = value.signature;
    report({ status: "returned", value: typeof value === "string" ? value : String(JSON.stringify(value)) });
  } catch (error) {
    report({ status: "threw", error: describe(error) });
  }
};
