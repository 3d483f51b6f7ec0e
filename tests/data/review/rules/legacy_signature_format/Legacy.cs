// After JagathPrasad/zoom src/app/app.cs: the pre-2022 signer with String.Format, ASCII bytes, standard base64.
using System;
using System.Security.Cryptography;
using System.Text;

public class LegacySigner
{
    static readonly char[] Padding = { '=' };

    public string Sign(string apiKey, string apiSecret, string meetingNumber, string role)
    {
        string ts = (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - 30000).ToString();
        string message = String.Format("{0}{1}{2}{3}", apiKey, meetingNumber, ts, role);
        byte[] messageBytes = Encoding.ASCII.GetBytes(Convert.ToBase64String(Encoding.ASCII.GetBytes(message)));
        using (var hmac = new HMACSHA256(Encoding.ASCII.GetBytes(apiSecret)))
        {
            string hash = Convert.ToBase64String(hmac.ComputeHash(messageBytes));
            string token = String.Format("{0}.{1}.{2}.{3}.{4}", apiKey, meetingNumber, ts, role, hash); // must-fire
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd(Padding);
        }
    }

    public string Label(string meetingNumber, string role) => String.Format("{0}: {1}", meetingNumber, role); // must-not-fire
}
