using System;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;

public class SiteController : ControllerBase
{
        static readonly char[] padding = { '=' };
        [Route("token/{apiKey}/{apiSecret}/{meetingNumber}/{role}")]
        public IActionResult Token(string apiKey, string apiSecret, string meetingNumber, string role)
        {
            string ts = (ToTimestamp(DateTime.UtcNow.ToUniversalTime()) - 30000).ToString();
            string message = String.Format("{0}{1}{2}{3}", apiKey, meetingNumber, ts, role);
            var encoding = new ASCIIEncoding();
            byte[] keyBytes = encoding.GetBytes(apiSecret ?? "");
            byte[] messageBytes = encoding.GetBytes(Convert.ToBase64String(encoding.GetBytes(message)));
            using (var hmac = new HMACSHA256(keyBytes))
            {
                string hash = Convert.ToBase64String(hmac.ComputeHash(messageBytes));
                string token = String.Format("{0}.{1}.{2}.{3}.{4}", apiKey, meetingNumber, ts, role, hash);
                return Ok(Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd(padding));
            }
        }

        public static long ToTimestamp(DateTime value)
        {
            return (value.Ticks - 621355968000000000) / 10000;
        }
}
