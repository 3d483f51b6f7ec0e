import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

public class VideoToken {
    public static String encoded(String key, String secret, String sessionName, int role) {
        long iat = System.currentTimeMillis() / 1000;
        return Jwts.builder()
                .claim("app_key", key)
                .claim("tpc", URLEncoder.encode(sessionName, StandardCharsets.UTF_8)) // must-fire
                .claim("role_type", role)
                .claim("version", 1)
                .claim("iat", iat)
                .claim("exp", iat + 7200)
                .signWith(Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8)))
                .compact();
    }

    public static String plain(String key, String secret, String sessionName, int role) {
        long iat = System.currentTimeMillis() / 1000;
        return Jwts.builder()
                .claim("app_key", key)
                .claim("tpc", sessionName) // must-not-fire
                .claim("role_type", role)
                .claim("version", 1)
                .claim("iat", iat)
                .claim("exp", iat + 7200)
                .signWith(Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8)))
                .compact();
    }
}
