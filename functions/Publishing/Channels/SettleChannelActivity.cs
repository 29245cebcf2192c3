using Microsoft.DurableTask;
using Publishing.Audit;
using Publishing.Lifecycle;

namespace Publishing.Channels;

/// <summary>Input of <see cref="SettleChannelActivity"/>: a send step failed with <paramref name="Error"/>.</summary>
public sealed record SettleChannel(ChannelPublishRequest Request, string Error);

/// <summary>
/// A send step ended in an exception (storage error, crash loop, bug). What the record says decides what that
/// means: still <c>pending</c> → nothing was sent (sending starts only after the claim), so <c>failed</c>;
/// <c>sending</c> → the request may have reached the platform, so <c>unknown</c> for a person (the website is our
/// own storage: rewriting it is harmless, so <c>failed</c> and retryable). Never stuck in <c>sending</c>.
/// </summary>
public sealed class SettleChannelActivity(PublicationStore publications, AuditTrail audit, TimeProvider time)
    : TaskActivity<SettleChannel, ChannelResult>
{
    public override async Task<ChannelResult> RunAsync(TaskActivityContext context, SettleChannel input)
    {
        var request = input.Request;
        var record = await publications.GetOrCreateAsync(request.ItemId, request.Version, request.Channel);
        ChannelState? to = record.State switch
        {
            ChannelState.Pending => ChannelState.Failed,
            ChannelState.Sending when request.Channel == Items.Channels.Website => ChannelState.Failed,
            ChannelState.Sending => ChannelState.Unknown,
            _ => null,
        };
        string error = to == ChannelState.Unknown
            ? $"发送过程中出错（{input.Error}），无法确定{ChannelDisplay.Name(request.Channel)}是否已发出。请登录平台核实后在系统中登记结果（已发出/未发出），未发出的才可重试。"
            : $"发布失败，已自动重试仍未成功：{input.Error}";
        if (to is { } state)
        {
            record = (await publications.TransitionAsync(request.ItemId, request.Version, request.Channel, state, TransitionCause.Workflow,
                r => r with { LastError = error })).Current;
            await ChannelAudit.AppendAsync(audit, time, request, "settle", record.Attempts, record.State, null, error);
        }

        return new ChannelResult(request.Channel, record.State, record.Url, record.LastError);
    }
}
