using System;
using System.IdentityModel.Tokens.Jwt;
using System.Text;
using Microsoft.IdentityModel.Tokens;

public static class VideoToken
{
    public static string Generate(string key, string secret, string sessionName, int role, bool escape)
    {
        var iat = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signing = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256);
        var escaped = new JwtPayload
        {
            { "app_key", key },
            { "tpc", Uri.EscapeDataString(sessionName) }, // must-fire
            { "role_type", role },
            { "version", 1 },
            { "iat", iat },
            { "exp", iat + 7200 },
        };
        var plain = new JwtPayload
        {
            { "app_key", key },
            { "tpc", sessionName }, // must-not-fire
            { "role_type", role },
            { "version", 1 },
            { "iat", iat },
            { "exp", iat + 7200 },
        };
        var payload = escape ? escaped : plain;
        return new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(new JwtHeader(signing), payload));
    }
}
