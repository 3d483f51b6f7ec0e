import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

class LegacySignature {
    static String sign(String apiKey, String apiSecret, String meetingNumber, int role) throws Exception {
        long ts = System.currentTimeMillis() - 30000;
        String msg = Base64.getEncoder().encodeToString((apiKey + meetingNumber + ts + role).getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String hash = Base64.getEncoder().encodeToString(mac.doFinal(msg.getBytes(StandardCharsets.UTF_8)));
        String token = String.format("%s.%s.%d.%d.%s", apiKey, meetingNumber, ts, role, hash); // must-fire
        return Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
    }
}
