class Segments
{
    string Standard(byte[] payloadBytes) => Convert.ToBase64String(payloadBytes); // must-fire

    string Url(byte[] payloadBytes) => Convert.ToBase64String(payloadBytes).TrimEnd('=').Replace("+", "-").Replace("/", "_"); // must-not-fire
}
