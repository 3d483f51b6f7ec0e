def signature(api_key, meeting_number, ts, role, hash)
  Base64.strict_encode64("#{api_key}.#{meeting_number}.#{ts}.#{role}.#{hash}") # must-fire
end

def label(meeting_number, role)
  "#{meeting_number}: #{role}" # must-not-fire
end
