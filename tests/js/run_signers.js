// Runs signers for tests/test_exercise_signers.py: a JSON list of cases on stdin, one result per case on stdout.
// Each case is loaded as a fresh module (no cache survives from one to the next) and its signatureFor(req) is
// called twice with Date.now() set: first at `earlier`, then at `now` (epoch seconds). The result is the token
// returned by the second call, or the error either call threw, as String(error) writes it. Each case runs in its
// own working directory `cwd` with exactly the environment variables `env` (besides PATH) that its exercise
// describes.
const Module = require('module')
const path = require('path')

function load (code, index) {
  const filename = path.join(process.cwd(), `signer_${index}.js`)
  const signer = new Module(filename, module)
  signer.filename = filename
  signer.paths = Module._nodeModulePaths(__dirname)
  signer._compile(code, filename)
  return signer.exports
}

const realNow = Date.now
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'))
const results = cases.map(({ code, earlier, now, body, env, cwd }, index) => {
  process.chdir(cwd)
  Object.assign(process.env, env)
  try {
    const { signatureFor } = load(code, index)
    Date.now = () => earlier * 1000
    signatureFor({ body })
    Date.now = () => now * 1000
    return { token: signatureFor({ body }) }
  } catch (error) {
    return { error: String(error) }
  } finally {
    Date.now = realNow
    for (const name of Object.keys(env)) delete process.env[name]
  }
})
process.stdout.write(JSON.stringify(results))
