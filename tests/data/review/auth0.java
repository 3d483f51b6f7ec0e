import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.time.Instant;
import java.util.Date;

public class ZoomSigner {
    public String sign(String meetingNumber, int role) {
        Instant now = Instant.now();
        Algorithm algorithm = Algorithm.HMAC256(System.getenv("ZOOM_SDK_SECRET"));
        return JWT.create()
                .withClaim("appKey", System.getenv("ZOOM_SDK_KEY"))
                .withClaim("sdkKey", System.getenv("ZOOM_SDK_KEY"))
                .withClaim("mn", meetingNumber)
                .withClaim("role", role)
                .withIssuedAt(Date.from(now))
                .withExpiresAt(Date.from(now.plusSeconds(7200)))
                .withClaim("tokenExp", now.plusSeconds(7200).getEpochSecond())
                .sign(algorithm);
    }
}
