<?php
function segments($payload) {
    $standard = base64_encode($payload); // must-fire
    $url = rtrim(strtr(base64_encode($payload), '+/', '-_'), '='); // must-not-fire
    return [$standard, $url];
}
