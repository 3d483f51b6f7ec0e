require 'jwt'

sdk_secret = "Tz3xC6vB9nM2qW5eR8tY1uI4oP7aS0dF"
sdk_key = "Pl4oK7iJ0uH3yG6tF9rD2e"

def meeting_signature(sdk_key, sdk_secret, meeting_number)
  payload = {
    sdkKey: sdk_key,
    mn: meeting_number,
    role: 0,
    iat: Time.now.to_i,
    exp: Time.now.to_i + 60,
    tokenExp: Time.now.to_i + 120
  }
  JWT.encode(payload, sdk_secret, 'HS256')
end

puts meeting_signature(sdk_key, sdk_secret, 85746065432)
