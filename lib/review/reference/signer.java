import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.util.Date;

public class ZoomSignature {
    public static String generate(String sdkKey, String sdkSecret, String meetingNumber, int role) {
        long iat = System.currentTimeMillis() / 1000 - 30;
        long exp = iat + 60 * 60 * 2;
        return Jwts.builder()
                .claim("appKey", sdkKey)
                .claim("sdkKey", sdkKey)
                .claim("mn", meetingNumber)
                .claim("role", role)
                .claim("iat", iat)
                .claim("exp", exp)
                .claim("tokenExp", exp)
                .signWith(Keys.hmacShaKeyFor(sdkSecret.getBytes(StandardCharsets.UTF_8)))
                .compact();
    }
}
