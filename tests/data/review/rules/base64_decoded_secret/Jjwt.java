class Jjwt {
    String old(String secret) {
        return Jwts.builder().signWith(SignatureAlgorithm.HS256, secret).compact(); // must-fire
    }

    String bytes(String secret) {
        return Jwts.builder().signWith(SignatureAlgorithm.HS256, secret.getBytes(StandardCharsets.UTF_8)).compact(); // must-not-fire
    }
}
