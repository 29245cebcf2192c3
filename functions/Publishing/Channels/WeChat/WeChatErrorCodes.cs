namespace Publishing.Channels.WeChat;

/// <summary>The WeChat <c>errcode</c> values the channel treats specially, and what a person is told about each.</summary>
public static class WeChatErrorCodes
{
    public const int SystemBusy = -1;
    public const int InvalidCredential = 40001;
    public const int InvalidImageType = 40005;
    public const int ImageTooLarge = 40009;
    public const int InvalidAppSecret = 40125;
    public const int InvalidAppId = 40013;
    public const int IpNotWhitelisted = 40164;
    public const int TokenExpired = 42001;
    public const int ContentTooLong = 45002;
    public const int TitleTooLong = 45003;
    public const int DescriptionTooLong = 45004;
    public const int QuotaExhausted = 45009;
    public const int RateLimited = 45011;
    public const int DataFormatError = 47001;
    public const int ApiUnauthorized = 48001;
    public const int DraftFailedPublishCheck = 53503;
    public const int DraftNeedsWebConsole = 53504;
    public const int DraftNeedsManualSave = 53505;

    public static bool IsTokenRejected(int code) => code is InvalidCredential or TokenExpired;

    public static bool IsTransient(int code) => code is SystemBusy or RateLimited;

    public static string UserMessage(int code, string errorMessage) => code switch
    {
        QuotaExhausted => "今日接口调用次数已用完，请明日重试",
        ApiUnauthorized => "公众号未获得该接口权限（个人或未认证账号自2025年7月起无法使用发布接口），请在公众平台完成认证或联系管理员",
        DraftFailedPublishCheck => "草稿未通过微信的发布检查，请核对标题、正文和封面图后重新提交审核",
        DraftNeedsWebConsole or DraftNeedsManualSave => "该草稿需在微信公众平台网页端保存并发表，请登录公众平台处理",
        ContentTooLong => "正文超过微信限制（须少于 20000 字且小于 1 MB），请精简正文后重新提交",
        TitleTooLong => "标题超过微信限制（不超过 32 个字），请缩短标题后重新提交",
        DescriptionTooLong => "摘要超过微信限制（不超过 128 个字），请缩短摘要后重新提交",
        InvalidImageType => "图片格式不受微信支持，请改用 JPG 或 PNG 图片",
        ImageTooLarge => "图片过大：正文图片须小于 1 MB，封面图须小于 64 KB，请压缩后重新上传",
        DataFormatError => "提交给微信的数据格式有误，请联系管理员检查",
        InvalidCredential or TokenExpired => "公众号访问凭证失效且自动刷新后仍被拒绝，请稍后重试；如持续出现请检查 AppID 和 AppSecret 配置",
        InvalidAppId or InvalidAppSecret => "公众号 AppID 或 AppSecret 配置有误，请联系管理员核对公众平台“开发—基本配置”",
        IpNotWhitelisted => "服务器出口 IP 不在公众号 IP 白名单中，请在公众平台“开发—基本配置”中添加",
        RateLimited => "微信接口调用过于频繁，请稍后重试",
        SystemBusy => "微信系统繁忙，请稍后重试",
        _ => $"微信接口返回错误 {code}（{errorMessage}），请联系管理员",
    };
}
