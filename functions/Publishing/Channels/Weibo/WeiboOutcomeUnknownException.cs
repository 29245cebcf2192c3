namespace Publishing.Channels.Weibo;

/// <summary>
/// The request may have reached Weibo but no answer came back. Weibo has no idempotency key, so sending again
/// could post twice (一稿多发): a person must check the account first.
/// </summary>
public sealed class WeiboOutcomeUnknownException(string operation, Exception innerException)
    : Exception($"Weibo {operation}: the request may have been received but no response arrived.", innerException)
{
    public string Operation { get; } = operation;

    public string UserMessage =>
        "微博发布请求已发出但未收到结果，无法确认是否已发布。请先登录微博账号核实，确认未发布后再重试，避免重复发布";
}
