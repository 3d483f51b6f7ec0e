class Times {
    long iat() {
        long iat = System.currentTimeMillis(); // must-fire: timestamp_milliseconds
        return iat;
    }

    long seconds() {
        long iat = System.currentTimeMillis() / 1000; // must-not-fire: timestamp_milliseconds
        return iat;
    }
}
