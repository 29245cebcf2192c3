namespace Publishing.Channels.Weibo;

/// <summary>Section <c>Publishing:Weibo</c>. Without an access token the channel runs in preview mode.</summary>
public sealed class WeiboOptions
{
    public const string Section = "Publishing:Weibo";

    public Uri BaseUrl { get; set; } = new("https://api.weibo.com/");
    public string? AccessToken { get; set; }
    /// <summary>The operator's real IP, sent as <c>rip</c>.</summary>
    public string? Rip { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccessToken);
}
