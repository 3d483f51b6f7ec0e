using System;
using System.Security.Cryptography;
using System.Text;

public class Signer
{
    public string Sign(string key, string secret, string meetingNumber, int role)
    {
        var iat = (DateTime.Now - new DateTime(1970, 1, 1)).TotalSeconds;
        var payload = $"{{\"appKey\":\"{key}\",\"mn\":\"{meetingNumber}\",\"role\":{role},\"iat\":{iat},\"exp\":{iat + 7200}}}";
        var header = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload));
        using var hmac = new HMACSHA256(Convert.FromBase64String(secret));
        var mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(header + "." + body));
        return header + "." + body + "." + Convert.ToBase64String(mac);
    }
}
