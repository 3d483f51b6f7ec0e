using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

public static class ZoomSignature
{
    static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Create(string clientId, string clientSecret, string meetingNumber, string role)
    {
        long iat = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 400;
        long exp = iat + 7200;
        var header = Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
        var claims = new { appKey = clientId, sdkKey = clientId, mn = meetingNumber, role = role, iat = iat, exp = exp, tokenExp = exp };
        var payload = Base64Url(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(claims)));
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(clientSecret));
        var mac = hmac.ComputeHash(Encoding.UTF8.GetBytes(header + "." + payload));
        return Base64Url(mac);
    }
}
