using Microsoft.DurableTask;
using Publishing.Audit;

namespace Publishing.Channels;

/// <summary>Stores a channel's final state (after retries ran out) and writes it to the audit trail.</summary>
public sealed class RecordChannelResultActivity(PublicationStore publications, AuditTrail audit, TimeProvider time)
    : TaskActivity<ChannelOutcome, ChannelResult>
{
    public override async Task<ChannelResult> RunAsync(TaskActivityContext context, ChannelOutcome input)
    {
        var (request, result) = (input.Request, input.Result);
        await publications.UpdateAsync(request.ItemId, request.Version, request.Channel, record =>
        {
            record.State = result.State;
            record.LastError = result.Error;
        });
        await ChannelAudit.AppendAsync(audit, time, request, result);
        return result;
    }
}
