function times() {
  const iat = new Date().getTime(); // must-fire: timestamp_milliseconds
  const now = Date.now();
  const seconds = Math.floor(now / 1000); // must-not-fire: timestamp_not_integer
  const fraction = Date.now() / 1000; // must-fire: timestamp_not_integer
  const nan = Math.round(new Date().getTime / 1000); // must-fire: timestamp_not_integer
  const started = Date.now(); log(Date.now() - started); // must-not-fire: timestamp_milliseconds
  return { iat, seconds, fraction, nan };
}
module.exports = { times };
function claims(key, mn) {
  const iat = Math.floor(Date.now() / 1000) - 30;
  const exp = iat + 7200;
  const tokenExp = exp * 1000; // must-fire: timestamp_milliseconds
  const expiresAt = new Date(exp * 1000); // must-not-fire: timestamp_milliseconds
  return { appKey: key, mn, role: 0, iat, exp, tokenExp, shown: expiresAt.toISOString() };
}
