class ZoomMeetingPage
{
    public static function generateMeetingSignature($meeting_number, $role)
    {
        $time = time() * 1000 - 30000;
        $data = base64_encode(API_KEY . $meeting_number . $time . $role);
        $hash = hash_hmac('sha256', $data, API_SECRET, true);
        $sig = API_KEY . "." . $meeting_number . "." . $time . "." . $role . "." . base64_encode($hash);
        return rtrim(strtr(base64_encode($sig), '+/', '-_'), '=');
    }
}
