public class ZoomDebug
{
    private readonly ILogger<ZoomDebug> _logger;

    public void Show(string sdkKey, string sdkSecret)
    {
        Console.WriteLine($"Secret: {sdkSecret}"); // must-fire
        _logger.LogInformation("Key {Key}", sdkKey); // must-not-fire
        _logger.LogDebug("Secret {Secret}", Environment.GetEnvironmentVariable("ZOOM_SDK_SECRET")); // must-fire
    }
}
