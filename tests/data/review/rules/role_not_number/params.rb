def payload(k, m, i, e)
  as_sent = { appKey: k, mn: m, role: params[:role], iat: i, exp: e, tokenExp: e } # must-fire: role_not_number
  converted = { appKey: k, mn: m, role: params[:role].to_i, iat: i, exp: e, tokenExp: e } # must-not-fire: role_not_number
  [as_sent, converted]
end
