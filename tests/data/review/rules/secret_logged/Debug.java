class ZoomDebug {
    void show(String sdkKey, String sdkSecret) {
        System.out.println("secret = " + sdkSecret); // must-fire
        System.out.println("key = " + sdkKey); // must-not-fire
        LOGGER.info("secret from env {}", System.getenv("ZOOM_SDK_SECRET")); // must-fire
    }
}
