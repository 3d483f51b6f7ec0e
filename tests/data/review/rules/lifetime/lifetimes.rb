def expiries
  exp = Time.now.to_i + 300 # must-fire: lifetime_too_short
  expires = 2.hours.from_now.to_i # must-not-fire: lifetime_too_short
  [exp, expires]
end
