function show($sdkKey, $sdkSecret) {
    error_log("secret: " . $sdkSecret); // must-fire
    var_dump($sdkSecret); // must-fire
    echo "key: $sdkKey"; // must-not-fire
    echo "secret: $sdkSecret"; // must-fire
    echo "secret: " . getenv('ZOOM_SDK_SECRET'); // must-fire
}
