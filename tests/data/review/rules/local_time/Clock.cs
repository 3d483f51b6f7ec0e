class Clock
{
    long Local() => (long)(DateTime.Now - new DateTime(1970, 1, 1)).TotalSeconds; // must-fire

    long Utc() => DateTimeOffset.UtcNow.ToUnixTimeSeconds(); // must-not-fire
}
