"""Every path a secret written in code could take to the user, from the Code doctor: finding messages,
fixes, excerpts, the masked code and the downloadable review. Secrets of 8 to 64 characters, with
whitespace around them, nested in other literals or base64-encoded, written into signers in the eight
languages: no run of LEAK_RUN (8) of their characters may come out."""

import base64
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from lib.present.code_review import review_report
from lib.review import LEAK_RUN, review_code

# Characters a secret may hold that every language's plain string literal keeps as they are.
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~!@%^&*+=:;,?/|"
SECRETS = st.text(alphabet=ALPHABET, min_size=8, max_size=64)
AROUND = st.sampled_from(["", " ", "  ", "\t", " \t "])

# {S}: the secret literal's content (as written, whitespace included), {T}: the secret alone (in a comment);
# each signer uses it more than once,
# as a plain key, nested in another literal, and where a finding's message quotes the code around it.
SIGNERS = {
    "javascript": """const crypto = require('crypto');
const config = { zoom: { sdkSecret: '{S}', sdkKey: 'abc' } }; // rotated from {T}
const iat = Date.now();
const signature = crypto.createHmac('sha256', '{S}').update(message).digest('base64');
console.log('secret', config.zoom.sdkSecret);
module.exports = { signature, iat };""",
    "typescript": """import { KJUR } from 'jsrsasign';
const SDK_SECRET: string = "{S}";
const payload = JSON.stringify({ appKey: k, mn, role: '1', iat: Date.now() });
export const token = KJUR.jws.JWS.sign('HS256', header, payload, "{S}"); // was {T} before
export const mac = btoa(String(KJUR.crypto.Mac({ alg: 'HmacSHA256', pass: SDK_SECRET })));""",
    "python": """import base64, hashlib, hmac, time
SDK_SECRET = "{S}"  # {T}
settings = {"zoom": {"client_secret": "{S}"}}
iat = time.time() * 1000
sig = base64.b64encode(hmac.new(b"{S}", msg, hashlib.sha256).digest())
print("secret", SDK_SECRET)""",
    "php": """function sign($msg) {
    $sdkSecret = '{S}';
    $config = ['zoom' => ['secret' => '{S}']];
    $iat = time() * 1000;
    echo "secret: $sdkSecret";
    return base64_encode(hash_hmac('sha256', $msg, '{S}', true));
}""",
    "go": """package zoom
func Sign(msg []byte) string {
	secret := "{S}"
	mac := hmac.New(sha256.New, []byte("{S}"))
	iat := time.Now().UnixMilli()
	fmt.Println("secret", secret)
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}""",
    "java": """class Signer {
    String sign(byte[] msg) throws Exception {
        String sdkSecret = "{S}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("{S}".getBytes(), "HmacSHA256"));
        long iat = System.currentTimeMillis();
        System.out.println("secret " + sdkSecret);
        return Base64.getEncoder().encodeToString(mac.doFinal(msg));
    }
}""",
    "csharp": """class Signer {
    string Sign(byte[] msg) {
        const string ClientSecret = "{S}";
        var hmac = new HMACSHA256(Encoding.UTF8.GetBytes("{S}"));
        var iat = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Console.WriteLine($"secret {ClientSecret}");
        return Convert.ToBase64String(hmac.ComputeHash(msg));
    }
}""",
    "ruby": """SDK_SECRET = '{S}'
settings = { zoom: { secret: '{S}' } }
iat = (Time.now.to_f * 1000).to_i
puts "secret #{SDK_SECRET}"
sig = Base64.strict_encode64(OpenSSL::HMAC.digest('SHA256', '{S}', msg))""",
}
# The secret base64-encoded in the code and decoded where it keys the HMAC.
ENCODED = {
    "javascript": "const mac = crypto.createHmac('sha256', Buffer.from('{B}', 'base64')).update(m).digest('base64');",
    "python": 'mac = hmac.new(base64.b64decode("{B}"), msg, hashlib.sha256).hexdigest()',
    "csharp": 'var hmac = new HMACSHA256(Convert.FromBase64String("{B}"));',
    "ruby": "sig = OpenSSL::HMAC.hexdigest('SHA256', Base64.decode64('{B}'), msg)",
}


def runs(secret: str):
    return {secret[i : i + LEAK_RUN] for i in range(len(secret) - LEAK_RUN + 1)}


def shown(review) -> list[str]:
    """Everything of a review a user sees or downloads."""
    texts = [review.masked_text, review.verdict, review_report(review), json.dumps(review.as_dict())]
    for finding in review.findings:
        texts += [finding.message, finding.excerpt, finding.fix]
    return texts


def assert_no_run(review, secret: str, neutral_review):
    """No run of the secret in what is shown, other than runs the same code with a neutral secret also shows
    (the report's own words: a secret "Language" is not leaked by the heading "Language")."""
    fixed = "\n".join(shown(neutral_review))
    leaked = [(run, text[:80]) for text in shown(review) for run in runs(secret) if run in text and run not in fixed]
    assert not leaked, leaked


NEUTRAL = "é"  # not in ALPHABET: no run of a secret can come from it


@settings(max_examples=150, deadline=None)
@given(secret=SECRETS, before=AROUND, after=AROUND, language=st.sampled_from(sorted(SIGNERS)))
def test_no_run_of_a_secret_written_in_a_signer_comes_out(secret, before, after, language):
    template = SIGNERS[language]
    review = review_code(template.replace("{S}", before + secret + after).replace("{T}", secret), language)
    assert review.secrets_masked >= 1
    other = NEUTRAL * len(secret)
    neutral = review_code(template.replace("{S}", before + other + after).replace("{T}", other), language)
    assert_no_run(review, secret, neutral)


@settings(max_examples=60, deadline=None)
@given(secret=SECRETS, language=st.sampled_from(sorted(ENCODED)))
def test_no_run_of_a_base64_encoded_secret_comes_out(secret, language):
    encoded = base64.b64encode(secret.encode()).decode()
    review = review_code(ENCODED[language].replace("{B}", encoded), language)
    neutral = review_code(ENCODED[language].replace("{B}", NEUTRAL * len(encoded)), language)
    assert_no_run(review, encoded, neutral)
    assert_no_run(review, secret, neutral)


def test_the_signers_give_findings_that_quote_the_code_around_the_secret():
    """The property is only worth something if messages and excerpts do quote code next to the secret."""
    secret = "Qm7Zt2Lp9Xw4Rk8Vn3Hs6Jd1Fb5Gc0Ya"
    for language, template in SIGNERS.items():
        review = review_code(template.replace("{S}", secret), language)
        assert review.findings and any("•" in f.excerpt for f in review.findings), language
