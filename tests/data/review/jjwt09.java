import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.SignatureAlgorithm;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

public class Signer {
    private static final String SECRET = "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z";

    public String sign(String key, String meetingNumber) {
        long iat = LocalDateTime.now().toInstant(ZoneOffset.UTC).getEpochSecond();
        long exp = System.currentTimeMillis() + 7200;
        return Jwts.builder()
                .claim("appKey", key)
                .claim("mn", meetingNumber)
                .claim("role", "0")
                .claim("iat", iat)
                .claim("exp", exp)
                .signWith(SignatureAlgorithm.HS256, SECRET)
                .compact();
    }
}
