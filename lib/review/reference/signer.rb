require 'jwt'

def generate_signature(meeting_number, role)
  iat = Time.now.to_i - 30
  exp = iat + 60 * 60 * 2
  payload = {
    appKey: ENV.fetch('ZOOM_MEETING_SDK_KEY'),
    sdkKey: ENV.fetch('ZOOM_MEETING_SDK_KEY'),
    mn: meeting_number,
    role: role.to_i,
    iat: iat,
    exp: exp,
    tokenExp: exp
  }
  JWT.encode(payload, ENV.fetch('ZOOM_MEETING_SDK_SECRET').strip, 'HS256')
end
