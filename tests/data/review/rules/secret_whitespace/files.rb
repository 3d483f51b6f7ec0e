secret = File.read('secret.txt') # must-fire
sdk_secret = File.read('secret.txt').chomp # must-not-fire
