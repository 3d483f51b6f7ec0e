using System;
using System.Security.Cryptography;
using System.Text;

public static class ZoomTokens
{
    static readonly char[] padding = { '=' };

    public static string GenerateToken(string apiKey, string apiSecret, string meetingNumber, string ts, string role)
    {
        string message = String.Format("{0}{1}{2}{3}", apiKey, meetingNumber, ts, role);
        var encoding = new ASCIIEncoding();
        byte[] keyBytes = encoding.GetBytes(apiSecret ?? "");
        byte[] messageBytes = encoding.GetBytes(Convert.ToBase64String(encoding.GetBytes(message)));
        using (var hmac = new HMACSHA256(keyBytes))
        {
            string hash = Convert.ToBase64String(hmac.ComputeHash(messageBytes));
            string token = String.Format("{0}.{1}.{2}.{3}.{4}", apiKey, meetingNumber, ts, role, hash);
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd(padding);
        }
    }

    public static string Timestamp() =>
        ((long)(DateTime.UtcNow - new DateTime(1970, 1, 1)).TotalMilliseconds - 30000).ToString();
}
