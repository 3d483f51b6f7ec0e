using System;
using System.Collections.Generic;
using System.IdentityModel.Tokens.Jwt;
using System.Text;
using Microsoft.IdentityModel.Tokens;

public static class ZoomSignature
{
    public static string Generate(string sdkKey, string sdkSecret, string meetingNumber, int role)
    {
        var iat = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 30;
        var exp = iat + 60 * 60 * 2;
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(sdkSecret));
        var header = new JwtHeader(new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        var payload = new JwtPayload
        {
            { "appKey", sdkKey },
            { "sdkKey", sdkKey },
            { "mn", meetingNumber },
            { "role", role },
            { "iat", iat },
            { "exp", exp },
            { "tokenExp", exp },
        };
        return new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(header, payload));
    }
}
