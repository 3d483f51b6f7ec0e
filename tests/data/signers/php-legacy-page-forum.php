<?php
$api_key = getenv('ZOOM_API_KEY');
$api_secret = getenv('ZOOM_API_SECRET');
$meeting_number = 85746065432;
$signature = generate_signature($api_key, $api_secret, $meeting_number, 0);

function generate_signature($api_key, $api_secret, $meeting_number, $role) {
    date_default_timezone_set("UTC");
    $time = time() * 1000 - 30000; // milliseconds
    $data = base64_encode($api_key . $meeting_number . $time . $role);
    $hash = hash_hmac('sha256', $data, $api_secret, true);
    $sig = $api_key . "." . $meeting_number . "." . $time . "." . $role . "." . base64_encode($hash);
    return rtrim(strtr(base64_encode($sig), '+/', '-_'), '=');
}
?>
<html>
<body>
<script>
  const signature = '<?php echo $signature; ?>';
</script>
</body>
</html>
