import java.nio.charset.StandardCharsets;
import java.util.Base64;

class Padded {
    String segments(String payload, byte[] mac) {
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String header64 = Base64.getUrlEncoder().encodeToString(header.getBytes()); // must-not-fire
        String payload64 = Base64.getUrlEncoder().encodeToString(payload.getBytes()); // must-fire
        String stripped = Base64.getUrlEncoder().encodeToString(payload.getBytes()).replace("=", ""); // must-not-fire
        String bare = Base64.getUrlEncoder().withoutPadding().encodeToString(mac); // must-not-fire
        return header64 + "." + payload64 + "." + Base64.getUrlEncoder().encodeToString(mac); // must-fire
    }
}
