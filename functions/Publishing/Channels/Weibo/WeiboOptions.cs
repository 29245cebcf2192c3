namespace Publishing.Channels.Weibo;

/// <summary>Section <c>Publishing:Weibo</c>. Without an access token the channel runs in preview mode.</summary>
public sealed class WeiboOptions : IChannelResilienceOptions
{
    public const string Section = "Publishing:Weibo";

    public Uri BaseUrl { get; set; } = new("https://api.weibo.com/");
    public string? AccessToken { get; set; }
    /// <summary>The operator's real IP, sent as <c>rip</c>.</summary>
    public string? Rip { get; set; }

    /// <summary>One HTTP attempt; a share that outlives it is reported as an unknown outcome, never retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>All attempts of one call together, retries included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Automatic retries: for share only when the connection could not be established.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsConfigured => ChannelSecrets.IsSet(AccessToken);
}
