using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace TradingActors.Api.Security;

/// <summary>
/// The API's token (<c>TRADING_ACTORS_TOKEN</c>): when set, every <c>/v1</c> request must carry
/// <c>Authorization: Bearer &lt;token&gt;</c>; without it the server binds to loopback only. Compared in constant time
/// over digests, so neither the token's length nor its prefix leaks through timing.
/// </summary>
public sealed class BearerToken
{
    private readonly byte[]? _digest;

    public BearerToken(string? token)
    {
        _digest = string.IsNullOrEmpty(token) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    public bool Required => _digest is not null;

    /// <summary>Whether an <c>Authorization</c> header value carries the token (always true when none is set).</summary>
    public bool Accepts(string? authorization)
    {
        if (_digest is null)
        {
            return true;
        }
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(given, _digest);
    }

    /// <summary>
    /// Why the server must not start, or null: bound to an address other than loopback without a token.
    /// </summary>
    public string? RefusalToBind(string host) =>
        Required || IsLoopback(host)
            ? null
            : $"--host: {host} is not a loopback address; set TRADING_ACTORS_TOKEN to serve on it (every /v1 request then needs Authorization: Bearer)";

    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
