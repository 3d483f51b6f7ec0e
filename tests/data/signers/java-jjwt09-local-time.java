import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

public class ZoomTokenService {
    private final String sdkKey = System.getenv("ZOOM_SDK_KEY");
    private final String sdkSecret = System.getenv("ZOOM_SDK_SECRET");

    public String meetingToken(String meetingNumber, int role) {
        long now = LocalDateTime.now().toInstant(ZoneOffset.UTC).getEpochSecond();
        long expires = now + 3600;
        Map<String, Object> header = new HashMap<>();
        header.put("alg", "HS256");
        header.put("typ", "JWT");
        Map<String, Object> claims = new HashMap<>();
        claims.put("appKey", sdkKey);
        claims.put("sdkKey", sdkKey);
        claims.put("mn", meetingNumber);
        claims.put("role", role);
        claims.put("iat", now);
        claims.put("exp", expires);
        claims.put("tokenExp", expires);
        return Jwts.builder().setHeader(header).setClaims(claims).signWith(SignatureAlgorithm.HS256, sdkSecret).compact();
    }
}
