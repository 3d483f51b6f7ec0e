class Settings
{
    const string Secret = "your-client-secret-here"; // must-not-fire
    const string ClientSecret = "Qm7Zt2Lp9Xw4Rk8Vn3Hs6Jd1Fb5Gc0Ya"; // must-fire
}
