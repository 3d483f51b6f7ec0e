using System;
using System.IdentityModel.Tokens.Jwt;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;

[ApiController]
[Route("api/zoom")]
public class ZoomSignatureController : ControllerBase
{
    public record SignatureRequest(string MeetingNumber, int Role);

    [HttpPost("signature")]
    public IActionResult Post([FromBody] SignatureRequest request)
    {
        var key = Environment.GetEnvironmentVariable("ZOOM_SDK_KEY");
        var secret = Environment.GetEnvironmentVariable("ZOOM_SDK_SECRET");
        var iat = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 30;
        var exp = iat + 60 * 60 * 2;
        var credentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)), SecurityAlgorithms.HmacSha256);
        var payload = new JwtPayload
        {
            { "appKey", key },
            { "sdkKey", key },
            { "mn", request.MeetingNumber },
            { "role", request.Role },
            { "iat", iat },
            { "exp", exp },
            { "tokenExp", exp },
        };
        var token = new JwtSecurityToken(new JwtHeader(credentials), payload);
        return Ok(new { signature = new JwtSecurityTokenHandler().WriteToken(token) });
    }
}
