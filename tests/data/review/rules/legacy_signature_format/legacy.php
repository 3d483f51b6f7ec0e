<?php
function zoom_legacy_signature($key, $secret, $meetingNumber, $role) {
    $ts = round(microtime(true) * 1000) - 30000;
    $hash = base64_encode(hash_hmac('sha256', base64_encode("$key$meetingNumber$ts$role"), $secret, true));
    return base64_encode("$key.$meetingNumber.$ts.$role.$hash"); // must-fire
}
