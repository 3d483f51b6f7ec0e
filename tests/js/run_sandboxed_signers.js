// The Node side of tests/test_code_doctor_sandbox.py: each signer the Code doctor's sandbox runs in the browser,
// run here on real Node with the real libraries, with the same frozen clock, the same demo credentials in
// process.env and the same arguments. A JSON list of cases on stdin ({script, function, arguments, nowMs, key,
// secret}, the script as lib/review/runnable.py writes it); one result per case on stdout: {value} or {error}.
const Module = require("module");
const path = require("path");

const LIBRARY_PATHS = process.env.SIGNER_LIBRARY_PATHS.split(path.delimiter);
const RealDate = Date;

function load(code, index) {
  const filename = path.join(process.cwd(), `sandboxed_${index}.js`);
  const signer = new Module(filename, module);
  signer.filename = filename;
  signer.paths = LIBRARY_PATHS;
  signer._compile(code, filename);
  return signer.exports;
}

async function run({ script, function: name, arguments: args, nowMs, key, secret }, index) {
  global.Date = class extends RealDate {
    constructor(...values) { if (values.length) super(...values); else super(nowMs); }
    static now() { return nowMs; }
  };
  const credential = (variable) => /SECRET/i.test(variable) ? secret : /KEY|CLIENT_?ID/i.test(variable) ? key : undefined;
  process.env = new Proxy({}, { get: (target, variable) => typeof variable === "string" ? credential(variable) : undefined });
  let sent;
  const response = { status: () => response, json: (body) => { sent = body; return response; },
    send: (body) => { sent = body; return response; }, end: (body) => { sent = body; return response; } };
  try {
    const signer = load(`${script}\n;module.exports.signatureLabSigner = ${name};`, index).signatureLabSigner;
    const argumentOf = (a) => a && a.$sandbox === "response" ? response
      : a && typeof a === "object" && "body" in a ? { ...a, json: async () => a.body, text: async () => JSON.stringify(a.body) } : a;
    let value = await signer(...args.map(argumentOf));
    if (value === undefined) value = sent;
    if (value instanceof Response) value = await value.text();
    if (typeof value === "string" && value.startsWith("{")) {
      try { const body = JSON.parse(value); if (typeof body.signature === "string") value = body; } catch (error) { /* text */ }
    }
    if (value && typeof value === "object" && typeof value.signature === "string") value = value.signature;
    return { value: typeof value === "string" ? value : String(JSON.stringify(value)) };
  } catch (error) {
    return { error: `${error.name}: ${error.message}` };
  } finally {
    global.Date = RealDate;
  }
}

(async () => {
  const cases = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const results = [];
  for (const [index, job] of cases.entries()) results.push(await run(job, index));
  process.stdout.write(JSON.stringify(results));
})();
