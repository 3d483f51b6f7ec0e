using System;
using System.Security.Cryptography;
using System.Text;

namespace Zoom
{
    public class Program
    {
        static void Main(string[] args)
        {
            string apiKey = "Qw2eR5tY8uI1oP4aS7dF0g";
            string apiSecret = "Mn6bV9cX2zL5kJ8hG1fD4sA7pO0iU3yT";
            Console.WriteLine(GenerateToken(apiKey, apiSecret, "85746065432", "1"));
        }

        static readonly char[] padding = { '=' };
        public static string GenerateToken(string apiKey, string apiSecret, string meetingNumber, string role)
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
                return Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd(padding);
            }
        }

        public static long ToTimestamp(DateTime value)
        {
            return (value.Ticks - 621355968000000000) / 10000;
        }
    }
}
