namespace Publishing.Channels.Weibo;

/// <summary>The Weibo <c>error_code</c> values the channel treats specially, and what a person is told about each.</summary>
public static class WeiboErrorCodes
{
    public const int SystemError = 10001;
    public const int ServiceUnavailable = 10003;
    public const int TooManyPendingTasks = 10009;
    public const int InsufficientAppPermission = 10014;
    public const int AppNotBoundToDomain = 10017;
    public const int IpRateLimited = 10022;
    public const int UserRateLimited = 10023;
    public const int UserApiRateLimited = 10024;
    public const int TextTooLong = 20012;
    public const int RepeatedContent = 20019;
    public const int PendingReview = 20053;
    public const int StatusNotFound = 20101;
    public const int TokenRejected = 21301;
    public const int TokenExpired = 21327;
    public const int TokenInvalid = 21332;

    public static bool IsRateLimited(int code) => code is IpRateLimited or UserRateLimited or UserApiRateLimited;

    public static bool IsTransient(int code) => code is SystemError or ServiceUnavailable or TooManyPendingTasks;

    public static bool IsConfigurationError(int code) =>
        code is AppNotBoundToDomain or InsufficientAppPermission or TokenRejected or TokenExpired or TokenInvalid;

    public static string UserMessage(int code, string error) => code switch
    {
        PendingReview => "微博已提交，正在等待微博平台人工审核，审核通过后才会公开，请稍后在微博账号中查看",
        AppNotBoundToDomain => "应用未绑定安全域名，或微博中的链接不在已绑定的安全域名下，请检查微博开放平台配置",
        InsufficientAppPermission => "微博应用没有发布接口权限，请在微博开放平台申请相应权限",
        TokenRejected or TokenExpired or TokenInvalid => "微博访问令牌已过期或无效，请重新授权并在系统配置中更新 AccessToken",
        IpRateLimited or UserRateLimited or UserApiRateLimited => "微博接口调用频率超过限制，请稍后重试",
        TextTooLong => "微博内容超过 140 字，请缩短标题或摘要",
        RepeatedContent => "微博平台认为这条内容已经发过，请先在微博账号中核实是否已发布，避免重复发布",
        SystemError or ServiceUnavailable or TooManyPendingTasks => "微博系统繁忙，请稍后重试",
        _ => $"微博接口返回错误 {code}（{error}），请联系管理员",
    };
}
