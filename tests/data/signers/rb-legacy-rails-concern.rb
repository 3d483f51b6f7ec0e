module Zoom
  module WebClient
    def generate_signature(meeting_number, role)
      ts = (Time.now.to_f * 1000).to_i - 30_000
      msg = "#{ENV['ZOOM_API_KEY']}#{meeting_number}#{ts}#{role}"
      message = Base64.strict_encode64(msg)
      hash = Base64.strict_encode64(OpenSSL::HMAC.digest('SHA256', ENV['ZOOM_API_SECRET'], message))
      joined = [ENV['ZOOM_API_KEY'], meeting_number, ts, role, hash].join('.')
      Base64.strict_encode64(joined)
    end
  end
end
