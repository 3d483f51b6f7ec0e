using System;
using System.Collections.Generic;
using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.Tokens;

public class ZoomSigner
{
    public string Sign(string meetingNumber, int role)
    {
        var secret = Environment.GetEnvironmentVariable("ZOOM_SDK_SECRET");
        var key = Environment.GetEnvironmentVariable("ZOOM_SDK_KEY");
        var now = DateTimeOffset.UtcNow;
        var handler = new JwtSecurityTokenHandler();
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>
            {
                ["appKey"] = key,
                ["sdkKey"] = key,
                ["mn"] = meetingNumber,
                ["role"] = role,
                ["iat"] = now.ToUnixTimeSeconds(),
                ["exp"] = now.AddHours(2).ToUnixTimeSeconds(),
                ["tokenExp"] = now.AddHours(2).ToUnixTimeSeconds(),
            },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256),
        };
        return handler.CreateEncodedJwt(descriptor);
    }
}
