namespace Publishing.Channels.WeChat;

/// <summary>
/// WeChat answered with a non-zero <c>errcode</c> (WeChat reports errors as HTTP 200 with <c>{errcode, errmsg}</c>).
/// The classification tells the publish flow whether to retry now, tomorrow, or hand the item to a person.
/// </summary>
public sealed class WeChatApiException(int errorCode, string errorMessage)
    : Exception($"WeChat API error {errorCode}: {errorMessage}")
{
    public int ErrorCode { get; } = errorCode;

    /// <summary>WeChat's own <c>errmsg</c>, kept for logs and support.</summary>
    public string ErrorMessage { get; } = errorMessage;

    /// <summary>What a person should read and do, in Simplified Chinese.</summary>
    public string UserMessage => WeChatErrorCodes.UserMessage(ErrorCode, ErrorMessage);

    /// <summary>40001 / 42001: the access token was rejected; the client refreshes once and retries once by itself.</summary>
    public bool IsTokenRejected => WeChatErrorCodes.IsTokenRejected(ErrorCode);

    /// <summary>45009: the daily quota of this API is used up; retrying before tomorrow only fails again.</summary>
    public bool IsQuotaExhausted => ErrorCode == WeChatErrorCodes.QuotaExhausted;

    /// <summary>WeChat was busy or throttled for a moment: retrying later may succeed.</summary>
    public bool IsTransient => WeChatErrorCodes.IsTransient(ErrorCode);

    /// <summary>
    /// Retrying the same request cannot succeed: the account, configuration or content must change first
    /// (e.g. 48001 not authorized, 53503 draft failed the publish check, 45002–45004 too long). Unknown codes
    /// count as permanent so that a person looks at them rather than a loop.
    /// </summary>
    public bool IsPermanent => !IsTransient && !IsQuotaExhausted && !IsTokenRejected;
}
