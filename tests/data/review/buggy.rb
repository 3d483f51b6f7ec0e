require 'base64'
require 'openssl'
require 'json'

def signature(key, secret, meeting_number)
  iat = Time.now.to_f
  payload = { 'appKey' => key, 'mn' => meeting_number, 'role' => params[:role], 'iat' => iat, 'exp' => iat + 7 * 24 * 3600 }
  header = Base64.strict_encode64({ alg: 'HS256', typ: 'JWT' }.to_json)
  body = Base64.strict_encode64(payload.to_json)
  mac = OpenSSL::HMAC.digest('sha256', secret, "#{header}.#{body}")
  "#{header}.#{body}.#{Base64.urlsafe_encode64(mac, padding: false)}"
end
