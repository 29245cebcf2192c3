namespace Publishing.Channels.WeChat;

/// <summary>Section <c>Publishing:WeChat</c>. Without AppId and AppSecret the channel runs in preview mode.</summary>
public sealed class WeChatOptions
{
    public const string Section = "Publishing:WeChat";

    public Uri BaseUrl { get; set; } = new("https://api.weixin.qq.com/");
    public string? AppId { get; set; }
    public string? AppSecret { get; set; }
    /// <summary>Token configured on the account's server URL; signs callback requests.</summary>
    public string? CallbackToken { get; set; }
    public string? Author { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AppId) && !string.IsNullOrWhiteSpace(AppSecret);
}
