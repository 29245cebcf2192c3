using Microsoft.DurableTask;
using Publishing.Audit;

namespace Publishing.Channels.WeChat;

/// <summary>Stores the publish job's result: article id and URL when published, a Chinese reason otherwise.</summary>
public sealed class WeChatRecordResultActivity(PublicationStore publications, AuditTrail audit, TimeProvider time)
    : TaskActivity<WeChatOutcome, ChannelResult>
{
    public override async Task<ChannelResult> RunAsync(TaskActivityContext context, WeChatOutcome input)
    {
        var request = input.Request;
        ChannelResult result = input.Status switch
        {
            null => new(request.Channel, PublicationStates.Unknown, null, input.Error),
            { PublishStatus: 0 } s => new(request.Channel, PublicationStates.Published, s.ArticleUrl, null),
            { PublishStatus: var code } => new(request.Channel, PublicationStates.Failed, null, StatusMessage(code)),
        };
        await publications.UpdateAsync(request.ItemId, request.Version, request.Channel, r =>
        {
            r.State = result.State;
            r.Url = result.Url ?? r.Url;
            r.ArticleId = input.Status?.ArticleId ?? r.ArticleId;
            r.LastError = result.Error;
        });
        await ChannelAudit.AppendAsync(audit, time, request, result, "result");
        return result;
    }

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
