namespace Publishing.Channels.WeChat;

/// <summary>
/// The request may have reached WeChat but no answer came back (timeout, dropped connection). Whether the
/// article was submitted is unknown: a person must check the account before anything is sent again, because
/// a second submit would be 一稿多发.
/// </summary>
public sealed class WeChatOutcomeUnknownException(string operation, Exception innerException)
    : Exception($"WeChat {operation}: the request may have been received but no response arrived.", innerException)
{
    public string Operation { get; } = operation;

    public string UserMessage =>
        "微信发布请求已发出但未收到结果，无法确认是否已发布。请先登录公众平台“发表记录”核实，确认未发布后再重试，避免重复发布";
}
