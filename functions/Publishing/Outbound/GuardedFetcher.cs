using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Publishing.Outbound;

/// <summary>
/// The one door for fetching URLs that came from content (body images; later attachments and link checks).
/// http/https only; every connection — the first and each redirect hop — goes to an address checked when the
/// socket connects (<see cref="SocketsHttpHandler.ConnectCallback"/>), so DNS rebinding between check and use
/// cannot reach loopback or the internal network; no proxy; redirects are followed by hand and counted; the body
/// is streamed and cut at the cap; the type is sniffed from the bytes.
/// </summary>
public sealed partial class GuardedFetcher : IDisposable
{
    /// <summary>Resolves a host name; tests replace it to simulate DNS answers.</summary>
    public delegate Task<IPAddress[]> HostResolver(string host, CancellationToken cancellationToken);

    readonly OutboundOptions _options;
    readonly ILogger _logger;
    readonly HostResolver _resolve;
    readonly HashSet<int> _testLoopbackPorts;
    readonly HttpClient _http;

    public GuardedFetcher(IOptions<OutboundOptions> options, ILogger<GuardedFetcher> logger)
        : this(options.Value, logger, null)
    {
    }

    public GuardedFetcher(OutboundOptions options, ILogger logger, HostResolver? resolver)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger;
        _resolve = resolver ?? ((host, ct) => Dns.GetHostAddressesAsync(host, ct));
        _testLoopbackPorts = [.. options.TestLoopbackPorts];
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            MaxResponseHeadersLength = 64,
            ConnectCallback = ConnectAsync,
        };
        _http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("PublishingFetcher", "1.0"));
    }

    /// <summary>Fetches <paramref name="url"/> within <paramref name="policy"/>.</summary>
    /// <exception cref="OutboundFetchException">Refused or failed; the message is for people.</exception>
    public async Task<FetchedResource> FetchAsync(string url, FetchPolicy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        TimeSpan timeout = policy.Timeout ?? _options.Timeout;
        long maxBytes = policy.MaxBytes ?? _options.MaxResponseBytes;
        int maxRedirects = policy.MaxRedirects ?? _options.MaxRedirects;
        Uri current = ParseUrl(url, policy);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            for (int redirects = 0; ; redirects++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                if (IsRedirect(response.StatusCode))
                {
                    if (redirects >= maxRedirects)
                    {
                        throw Fail(OutboundFailure.TooManyRedirects, $"{policy.Subject}的地址重定向超过 {maxRedirects} 次，请直接使用最终地址。");
                    }

                    current = ParseRedirect(current, response.Headers.Location, policy);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    int status = (int)response.StatusCode;
                    throw new OutboundFetchException(OutboundFailure.HttpStatus, $"{policy.Subject}的服务器返回 HTTP {status}，无法获取，请确认地址正确。")
                    {
                        StatusCode = status,
                    };
                }

                byte[] content = await ReadCappedAsync(response, maxBytes, policy, deadline.Token).ConfigureAwait(false);
                var type = ContentSniffer.Sniff(content.AsSpan(0, Math.Min(content.Length, ContentSniffer.PrefixLength)));
                if (policy.Accept.Count > 0 && !policy.Accept.Contains(type))
                {
                    string accepted = string.Join("、", policy.Accept.Order().Select(ContentSniffer.DisplayName));
                    throw Fail(OutboundFailure.UnexpectedContent,
                        $"{policy.Subject}的内容不是 {accepted} 格式（实际为{ContentSniffer.DisplayName(type)}），请更换为 {accepted} 文件。");
                }

                return new FetchedResource(current, content, type, redirects);
            }
        }
        catch (HttpRequestException exception) when (FindRefusal(exception) is { } refusal)
        {
            LogRefused(_logger, refusal.Host, refusal.Port, refusal.Addresses);
            throw new OutboundFetchException(OutboundFailure.BlockedAddress,
                $"{policy.Subject}的地址指向本机或内部网络，出于安全原因不予获取，请使用可从互联网公开访问的地址。", exception);
        }
        catch (HttpRequestException exception)
        {
            LogFailed(_logger, exception, current.Host, exception.HttpRequestError);
            string reason = exception.HttpRequestError == HttpRequestError.NameResolutionError ? "域名无法解析" : "服务器无法连接";
            throw new OutboundFetchException(OutboundFailure.Unreachable,
                $"{policy.Subject}无法访问（{reason}），请确认地址可从互联网访问后重试。", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(_logger, current.Host, timeout);
            throw new OutboundFetchException(OutboundFailure.Timeout,
                $"{policy.Subject}未能在 {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} 秒内下载完成，请稍后重试或更换地址。", exception);
        }
    }

    public void Dispose() => _http.Dispose();

    async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        IPAddress[] addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await _resolve(endpoint.Host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        // One refused address refuses the host: a name that also resolves inward is not a public host.
        if (addresses.Any(a => !IsAllowed(a, endpoint.Port)))
        {
            throw new AddressRefusedException(endpoint.Host, endpoint.Port, addresses);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken).ConfigureAwait(false);
            if (socket.RemoteEndPoint is not IPEndPoint remote || !IsAllowed(remote.Address, endpoint.Port))
            {
                throw new AddressRefusedException(endpoint.Host, endpoint.Port, addresses);
            }

            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    bool IsAllowed(IPAddress address, int port) =>
        AddressPolicy.IsPublic(address) || (AddressPolicy.IsLoopback(address) && _testLoopbackPorts.Contains(port));

    static async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, long maxBytes, FetchPolicy policy, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is long declared && declared > maxBytes)
        {
            throw TooLarge(policy, maxBytes);
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        while (true)
        {
            int read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(policy, maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }
    }

    static Uri ParseUrl(string? url, FetchPolicy policy)
    {
        if (Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && IsFetchable(uri))
        {
            return uri;
        }

        throw Fail(OutboundFailure.InvalidUrl, $"{policy.Subject}的地址不是有效的 http/https 网址，请改为可公开访问的地址。");
    }

    static Uri ParseRedirect(Uri current, Uri? location, FetchPolicy policy)
    {
        if (location is not null && Uri.TryCreate(current, location, out var next) && IsFetchable(next))
        {
            return next;
        }

        throw Fail(OutboundFailure.InvalidUrl, $"{policy.Subject}的地址重定向到了无效或非 http/https 的地址，不予获取。");
    }

    // Credentials in the URL would be sent to whoever the host is; a content URL never needs them.
    static bool IsFetchable(Uri uri) =>
        (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && string.IsNullOrEmpty(uri.UserInfo) && uri.Host.Length > 0;

    static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    static OutboundFetchException TooLarge(FetchPolicy policy, long maxBytes) =>
        Fail(OutboundFailure.TooLarge, $"{policy.Subject}超过大小上限 {FormatSize(maxBytes)}，请压缩后重试。");

    static OutboundFetchException Fail(OutboundFailure failure, string message) => new(failure, message);

    static string FormatSize(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : Math.Max(1, bytes / 1024).ToString(CultureInfo.InvariantCulture) + " KB";

    static AddressRefusedException? FindRefusal(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is AddressRefusedException refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    sealed class AddressRefusedException(string host, int port, IPAddress[] addresses)
        : Exception("The host resolves to an address outbound fetches may not reach.")
    {
        public string Host { get; } = host;
        public int Port { get; } = port;
        public string Addresses { get; } = string.Join(",", addresses.Select(a => a.ToString()));
    }

    [LoggerMessage(EventId = 700, Level = LogLevel.Warning, Message = "Outbound fetch refused: {Host}:{Port} resolves to {Addresses}")]
    private static partial void LogRefused(ILogger logger, string host, int port, string addresses);

    [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "Outbound fetch of {Host} failed ({Error})")]
    private static partial void LogFailed(ILogger logger, Exception exception, string host, HttpRequestError error);

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Outbound fetch of {Host} did not finish within {Timeout}")]
    private static partial void LogTimedOut(ILogger logger, string host, TimeSpan timeout);
}
