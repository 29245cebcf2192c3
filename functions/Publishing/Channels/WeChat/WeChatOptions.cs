namespace Publishing.Channels.WeChat;

/// <summary>Section <c>Publishing:WeChat</c>. Without AppId and AppSecret the channel runs in preview mode.</summary>
public sealed class WeChatOptions : IChannelResilienceOptions
{
    public const string Section = "Publishing:WeChat";

    public Uri BaseUrl { get; set; } = new("https://api.weixin.qq.com/");
    public string? AppId { get; set; }
    public string? AppSecret { get; set; }
    /// <summary>Token configured on the account's server URL; signs callback requests.</summary>
    public string? CallbackToken { get; set; }
    public string? Author { get; set; }

    /// <summary>
    /// 消息加解密密钥 (43 characters) of the server URL. Set it and choose 安全模式 in the 公众平台: callbacks must then be
    /// encrypted and carry <c>msg_signature</c>; plaintext callbacks are refused. Empty = 明文模式.
    /// </summary>
    public string? EncodingAesKey { get; set; }

    /// <summary>Table remembering accepted callback nonces (replay guard shared by all instances).</summary>
    public string CallbackNonceTable { get; set; } = "WeChatNonces";

    /// <summary>Safe mode is on when a usable key is set (an unresolved Key Vault reference is not one).</summary>
    public bool SafeMode => ChannelSecrets.IsSet(EncodingAesKey);

    /// <summary>One HTTP attempt; a submit that outlives it is reported as an unknown outcome, not retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>All attempts of one call together, retries included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Automatic retries of calls that are safe to repeat (never submit or delete once sent).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Until a Key Vault secret exists, App Service passes the reference text itself: that is not a secret.</summary>
    public bool IsConfigured => ChannelSecrets.IsSet(AppId) && ChannelSecrets.IsSet(AppSecret);

    /// <summary>How long to wait for the PUBLISHJOBFINISH callback before polling freepublish/get (sparingly: 100 calls/day).</summary>
    public TimeSpan PollAfter { get; set; } = TimeSpan.FromMinutes(2);

    public int MaxPolls { get; set; } = 5;
}
