using Publishing.Lifecycle;

namespace Publishing.Channels.WeChat;

/// <summary>A WeChat step either ended the channel (<paramref name="Ended"/>, still to be written) or lets the flow continue.</summary>
public sealed record WeChatStep(SendResult? Ended, string? PublishId = null, TimeSpan? PollAfter = null, int MaxPolls = 0);

public sealed record WeChatPollRequest(ChannelPublishRequest Request, string PublishId);

/// <summary>Input of <see cref="WeChatRecordSubmissionActivity"/>: the accepted job and the orchestration waiting for it.</summary>
public sealed record WeChatSubmission(ChannelPublishRequest Request, string PublishId, string InstanceId);

/// <summary>What a finished (or not finished) publish job means for the channel.</summary>
public static class WeChatPublishResults
{
    public const string NoResultMessage = "微信未在预期时间内返回发布结果，无法确定是否已发布。请登录公众平台“发表记录”核实后在系统中登记结果。";

    public static SendResult From(WeChatPublishStatus? status) => status switch
    {
        null or { PublishStatus: 1 } => new SendResult(ChannelState.Unknown, Error: NoResultMessage),
        { PublishStatus: 0 } s => new SendResult(ChannelState.Published, s.ArticleUrl, ArticleId: s.ArticleId),
        { PublishStatus: var code } => SendResult.Failed(StatusMessage(code)),
    };

    static string StatusMessage(int status) => status switch
    {
        2 => "微信原创校验未通过，文章未发布。请确认转载授权或修改内容后由管理员重试。",
        3 => "微信发布失败（常规失败）。请稍后由管理员重试。",
        4 => "微信平台审核不通过，文章未发布。请在公众平台查看原因并修改。",
        5 => "文章已被用户在公众平台删除。",
        6 => "文章已被微信系统封禁。请在公众平台查看通知。",
        _ => $"微信返回未知的发布状态 {status}，请登录公众平台核实。",
    };
}
