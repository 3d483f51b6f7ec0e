def show(sdk_key, sdk_secret)
  puts "secret: #{sdk_secret}" # must-fire
  p sdk_secret # must-fire
  puts "key: #{sdk_key}" # must-not-fire
  Rails.logger.info("secret #{ENV['ZOOM_SDK_SECRET']}") # must-fire
end
