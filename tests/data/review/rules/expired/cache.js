let cachedSignature = generateSignature(key, secret, mn, 0); // must-fire
let signature = generateSignature(key, secret, mn, 0); // must-not-fire
export { cachedSignature, signature };
