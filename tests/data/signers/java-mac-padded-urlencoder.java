import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class SdkSignatureService {
    private static final int PARTICIPANT = 0;
    private final String sdkKey = System.getenv("ZOOM_SDK_KEY");
    private final String sdkSecret = System.getenv("ZOOM_SDK_SECRET");

    public String generateSdkSignature(String meetingNumber, Integer role) throws Exception {
        int chosenRole = role != null ? role : PARTICIPANT;
        Mac hasher = Mac.getInstance("HmacSHA256");
        long iat = Math.round((new Date().getTime() - 30000) / 1000);
        long exp = iat + 60 * 60 * 2;
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String header64 = Base64.getUrlEncoder().encodeToString(header.getBytes());
        String payload = "{\"sdkKey\":\"" + sdkKey + "\",\"appKey\":\"" + sdkKey + "\",\"mn\":\"" + meetingNumber
            + "\",\"role\":" + chosenRole + ",\"iat\":" + iat + ",\"exp\":" + exp + ",\"tokenExp\":" + exp + "}";
        String payload64 = Base64.getUrlEncoder().encodeToString(payload.getBytes());
        hasher.init(new SecretKeySpec(sdkSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] hash = hasher.doFinal((header64 + "." + payload64).getBytes());
        return header64 + "." + payload64 + "." + Base64.getUrlEncoder().encodeToString(hash);
    }
}
