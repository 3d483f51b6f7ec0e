require 'base64'
require 'openssl'

class ZoomSignatureGenerator
  def self.generate(api_key:, api_secret:, meeting_number:, role:)
    ts = (Time.now.to_f * 1000).to_i - 30_000
    message = Base64.strict_encode64("#{api_key}#{meeting_number}#{ts}#{role}")
    hash = Base64.strict_encode64(OpenSSL::HMAC.digest('sha256', api_secret, message))
    signature = "#{api_key}.#{meeting_number}.#{ts}.#{role}.#{hash}"
    Base64.urlsafe_encode64(signature).delete('=')
  end
end
