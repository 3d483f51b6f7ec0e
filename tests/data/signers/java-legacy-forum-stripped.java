import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class ZoomSignature {
    public static String sign(String apiKey, String apiSecret, String meetingNumber, Integer role) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        String ts = Long.toString(System.currentTimeMillis() - 30000);
        String msg = String.format("%s%s%s%d", apiKey, meetingNumber, ts, role);
        mac.init(new SecretKeySpec(apiSecret.getBytes(), "HmacSHA256"));
        String message = Base64.getEncoder().encodeToString(msg.getBytes());
        byte[] hash = mac.doFinal(message.getBytes());
        String hashText = Base64.getEncoder().encodeToString(hash);
        String joined = String.format("%s.%s.%s.%d.%s", apiKey, meetingNumber, ts, role, hashText);
        return Base64.getEncoder().encodeToString(joined.getBytes()).replaceAll("=+$", "");
    }
}
