public static class Legacy
{
    public static string Token(string key, string meetingNumber, long timestamp, int role, string hash)
    {
        var token = $"{key}.{meetingNumber}.{timestamp}.{role}.{hash}"; // must-fire
        return System.Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(token));
    }
}
