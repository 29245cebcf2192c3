using Microsoft.DurableTask;
using Publishing.Channels;
using Publishing.Lifecycle;

namespace Publishing.Expiry;

/// <summary>
/// 公示期 end: after an item with <c>metadata.expiresAt</c> is published, waits on a durable timer until that time,
/// then takes the article off the website (page, lists, sitemap, feed) with an audit entry. Social posts stay.
/// </summary>
public sealed class ExpiryOrchestrator : TaskOrchestrator<ItemVersionRef, bool>
{
    public override async Task<bool> RunAsync(TaskOrchestrationContext context, ItemVersionRef input)
    {
        DateTimeOffset? expiresAt = await context.CallActivityAsync<DateTimeOffset?>(nameof(ReadExpiryActivity), input, DurableRetries.Storage);
        if (expiresAt is not { } at)
        {
            return false;
        }

        if (at.UtcDateTime > context.CurrentUtcDateTime)
        {
            await context.CreateTimer(at.UtcDateTime, CancellationToken.None);
        }

        return await context.CallActivityAsync<bool>(nameof(ExpireFromWebsiteActivity), input, DurableRetries.Storage);
    }
}
