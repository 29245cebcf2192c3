using Microsoft.DurableTask;
using Publishing.Audit;
using Publishing.Lifecycle;

namespace Publishing.Channels;

/// <summary>
/// Writes a step's result through the transition table (idempotent: a replay finds the state already moved and
/// writes nothing). A refused transition still keeps the remote ids, so a retraction that started meanwhile can
/// reach the post.
/// </summary>
public sealed class ApplyChannelResultActivity(PublicationStore publications, AuditTrail audit, TimeProvider time)
    : TaskActivity<ChannelOutcome, ChannelResult>
{
    public override async Task<ChannelResult> RunAsync(TaskActivityContext context, ChannelOutcome input)
    {
        var (request, result) = (input.Request, input.Result);
        PublicationRecord current;
        if (result.To is not { } to)
        {
            current = await publications.GetOrCreateAsync(request.ItemId, request.Version, request.Channel);
            return new ChannelResult(request.Channel, current.State, current.Url, current.LastError);
        }

        var applied = await publications.TransitionAsync(request.ItemId, request.Version, request.Channel, to, input.Cause,
            r => Merge(r, result) with { LastError = result.Error });
        current = applied.Current;
        if (!applied.Applied && (result.WeiboId ?? result.ArticleId) is not null)
        {
            current = await publications.UpdateAsync(request.ItemId, request.Version, request.Channel, r => Merge(r, result));
        }

        int attempt = input.Cause == TransitionCause.Retract ? current.RetractRound : current.Attempts;
        await ChannelAudit.AppendAsync(audit, time, request, input.Step, attempt, current.State, result.Url, result.Error);
        return new ChannelResult(request.Channel, current.State, current.Url, current.LastError);
    }

    static PublicationRecord Merge(PublicationRecord r, SendResult result) => r with
    {
        Url = result.Url ?? r.Url,
        WeiboId = result.WeiboId ?? r.WeiboId,
        ArticleId = result.ArticleId ?? r.ArticleId,
        OutboxBlob = result.OutboxBlob ?? r.OutboxBlob,
    };
}
