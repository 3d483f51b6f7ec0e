require 'jwt'

def signature(key, secret, mn)
  payload = {
    appKey: key, mn: mn, role: 0,
    iat: Time.now.to_i,
    exp: Time.now.to_i + 7200, # must-not-fire: lifetime_too_short
    tokenExp: Time.now.to_i + 600 # must-fire: token_exp_too_short
  }
  same = { appKey: key, mn: mn, role: 0, iat: Time.now.to_i, exp: Time.now.to_i + 3600, tokenExp: Time.now.to_i + 3600 } # must-not-fire: token_exp_too_short
  [JWT.encode(payload, secret, 'HS256'), JWT.encode(same, secret, 'HS256')]
end
