using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Publishing.Channels.WeChat;

/// <summary>
/// Holds the account's access token from <c>cgi-bin/stable_token</c>. One refresh runs at a time and waiting callers
/// take its result; the token is renewed about five minutes before it expires, while the old one still works.
/// </summary>
public sealed partial class WeChatTokenCache(
    IHttpClientFactory httpClientFactory,
    IOptionsMonitor<WeChatOptions> options,
    TimeProvider timeProvider,
    ILogger<WeChatTokenCache> logger) : IDisposable
{
    public const string HttpClientName = "Publishing.WeChat.Token";

    static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromMinutes(5);

    readonly SemaphoreSlim _refreshGate = new(1, 1);
    volatile CachedToken? _cached;

    /// <summary>A token valid for at least the next few minutes.</summary>
    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } cached && cached.IsFresh(timeProvider.GetUtcNow()))
        {
            return cached.Token;
        }

        return await RefreshAsync(staleToken: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// WeChat rejected <paramref name="staleToken"/> (40001/42001): fetch a new one with <c>force_refresh:true</c>,
    /// unless another caller already replaced it — so many concurrent rejections cost one refresh (20 a day allowed).
    /// </summary>
    public async Task<string> ForceRefreshAsync(string staleToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(staleToken);
        return await RefreshAsync(staleToken, cancellationToken).ConfigureAwait(false);
    }

    async Task<string> RefreshAsync(string? staleToken, CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Whoever held the gate before us may already have done the work.
            var cached = _cached;
            if (cached is not null && (staleToken is null
                    ? cached.IsFresh(timeProvider.GetUtcNow())
                    : !string.Equals(cached.Token, staleToken, StringComparison.Ordinal)))
            {
                return cached.Token;
            }

            bool force = staleToken is not null;
            var fetched = await FetchAsync(force, cancellationToken).ConfigureAwait(false);
            _cached = fetched;
            LogTokenRefreshed(logger, force, fetched.ExpiresAt);
            return fetched.Token;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    async Task<CachedToken> FetchAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (!current.IsConfigured)
        {
            throw new InvalidOperationException("WeChat AppId and AppSecret are not configured (preview mode).");
        }

        var http = httpClientFactory.CreateClient(HttpClientName);
        var request = new StableTokenRequest("client_credential", current.AppId!, current.AppSecret!, forceRefresh);
        DateTimeOffset requestedAt = timeProvider.GetUtcNow();
        using var response = await http.PostAsJsonAsync("cgi-bin/stable_token", request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        using var body = await WeChatJson.ReadCheckedAsync(response, cancellationToken).ConfigureAwait(false);

        var root = body.RootElement;
        string token = root.TryGetProperty("access_token", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() is { Length: > 0 } value
            ? value
            : throw new InvalidDataException("WeChat stable_token response has no access_token.");
        int expiresIn = root.TryGetProperty("expires_in", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int seconds) ? seconds : 7200;

        // Measured from the request, not the response, so a slow answer cannot make us keep a token too long.
        var expiresAt = requestedAt.AddSeconds(expiresIn);
        var lifetime = TimeSpan.FromSeconds(expiresIn);
        var renewAt = lifetime > RenewBeforeExpiry * 2 ? expiresAt - RenewBeforeExpiry : requestedAt + lifetime / 2;
        return new CachedToken(token, expiresAt, renewAt);
    }

    public void Dispose() => _refreshGate.Dispose();

    sealed record CachedToken(string Token, DateTimeOffset ExpiresAt, DateTimeOffset RenewAt)
    {
        public bool IsFresh(DateTimeOffset now) => now < RenewAt;
    }

    sealed record StableTokenRequest(
        [property: JsonPropertyName("grant_type")] string GrantType,
        [property: JsonPropertyName("appid")] string AppId,
        [property: JsonPropertyName("secret")] string Secret,
        [property: JsonPropertyName("force_refresh")] bool ForceRefresh);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "WeChat access token refreshed (force_refresh {ForceRefresh}), expires at {ExpiresAt}")]
    private static partial void LogTokenRefreshed(ILogger logger, bool forceRefresh, DateTimeOffset expiresAt);
}
