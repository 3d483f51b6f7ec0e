import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.util.HashMap;
import java.util.Map;

public class SignatureService {
    private final String zoomSdkKey = System.getenv("ZOOM_SDK_KEY");
    private final String zoomSdkSecret = System.getenv("ZOOM_SDK_SECRET");
    private final long lifetimeHours = 2;

    public String generateSignature(String meetingId, int role) {
        long now = Math.round(System.currentTimeMillis() / 1000.0);
        long expiry = now + lifetimeHours * 60 * 60;
        Map<String, Object> payload = new HashMap<>();
        payload.put("sdkKey", zoomSdkKey);
        payload.put("mn", meetingId);
        payload.put("role", role);
        payload.put("iat", now);
        payload.put("exp", expiry);
        payload.put("appKey", zoomSdkKey);
        payload.put("tokenExp", expiry);
        Algorithm algorithm = Algorithm.HMAC256(zoomSdkSecret);
        return JWT.create().withPayload(payload).sign(algorithm);
    }
}
