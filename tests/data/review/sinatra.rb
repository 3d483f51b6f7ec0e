require 'sinatra'
require 'jwt'

post '/signature' do
  body = JSON.parse(request.body.read)
  iat = Time.now.to_i - 30
  exp = iat + 2 * 60 * 60
  payload = {
    appKey: ENV['ZOOM_SDK_KEY'],
    sdkKey: ENV['ZOOM_SDK_KEY'],
    mn: body['meetingNumber'],
    role: body['role'].to_i,
    iat: iat,
    exp: exp,
    tokenExp: exp
  }
  { signature: JWT.encode(payload, ENV['ZOOM_SDK_SECRET'], 'HS256') }.to_json
end
