require 'jwt'

def zoom_signature(sdk_key, meeting_number)
  payload = {
    appKey: sdk_key,
    mn: meeting_number,
    role: 0,
    iat: Time.now.to_i,
    exp: Time.now.to_i + 1800,
    tokenExp: Time.now.to_i + 1800
  }
  JWT.encode(payload, ENV.fetch('ZOOM_SDK_SECRET'), 'HS256')
end
