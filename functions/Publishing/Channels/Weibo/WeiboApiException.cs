namespace Publishing.Channels.Weibo;

/// <summary>Weibo answered <c>{request, error_code, error}</c>. The classification tells the publish flow what to do next.</summary>
public sealed class WeiboApiException(int errorCode, string error)
    : Exception($"Weibo API error {errorCode}: {error}")
{
    public int ErrorCode { get; } = errorCode;

    /// <summary>Weibo's own error text, kept for logs and support.</summary>
    public string Error { get; } = error;

    /// <summary>What a person should read and do, in Simplified Chinese.</summary>
    public string UserMessage => WeiboErrorCodes.UserMessage(ErrorCode, Error);

    /// <summary>20053: accepted but held for manual review — not failed, not yet public; must not be posted again.</summary>
    public bool IsPendingReview => ErrorCode == WeiboErrorCodes.PendingReview;

    /// <summary>The app or token is set up wrongly (e.g. 10017 domain not bound); only an administrator can fix it.</summary>
    public bool IsConfigurationError => WeiboErrorCodes.IsConfigurationError(ErrorCode);

    /// <summary>10022/10023/10024: too many calls; retry later.</summary>
    public bool IsRateLimited => WeiboErrorCodes.IsRateLimited(ErrorCode);

    /// <summary>Weibo was busy; retrying later may succeed.</summary>
    public bool IsTransient => WeiboErrorCodes.IsTransient(ErrorCode);

    /// <summary>Retrying the same request cannot succeed; unknown codes count as permanent so a person looks at them.</summary>
    public bool IsPermanent => !IsPendingReview && !IsRateLimited && !IsTransient;
}
