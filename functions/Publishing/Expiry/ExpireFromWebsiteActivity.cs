using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Publishing.Audit;
using Publishing.Channels.Website;
using Publishing.Items;
using Publishing.Lifecycle;

namespace Publishing.Expiry;

/// <summary>
/// Takes an expired 公示 off the website and records it on the item and in the audit trail. Idempotent: a repeat
/// finds the page gone and the audit entry (same event id) already there.
/// </summary>
public sealed partial class ExpireFromWebsiteActivity(
    ItemReadModel items, PublicationStore publications, WebsitePublisher website, AuditTrail audit, TimeProvider time,
    ILogger<ExpireFromWebsiteActivity> logger)
    : TaskActivity<ItemVersionRef, bool>
{
    public const string AuditAction = "expired";

    public override async Task<bool> RunAsync(TaskActivityContext context, ItemVersionRef input)
    {
        var item = await items.GetAsync(input.ItemId);
        var page = await publications.GetAsync(input.ItemId, input.Version, Items.Channels.Website);
        // Retracted, retracting or replaced by another version: the retraction owns the page now.
        if (item is null || item.ApprovedVersion != input.Version || item.Status.IsRetraction() || page?.State != ChannelState.Published)
        {
            LogSkipped(logger, input.ItemId, input.Version, item?.Status.ToString() ?? "missing");
            return false;
        }

        await website.UnpublishAsync(input.ItemId);
        DateTimeOffset now = time.GetUtcNow();
        var updated = await items.UpdateAsync(input.ItemId, r => r.ExpiredAt ??= now);
        await audit.AppendAsync(input.ItemId, new AuditEvent(
            $"v{input.Version}-{AuditAction}", AuditAction, "system", updated.ExpiredAt ?? now, null, input.Version,
            JsonSerializer.Serialize(new { channel = Items.Channels.Website, reason = "公示期届满，已从政府网站撤下（页面、列表、网站地图、订阅）" }, ItemReadModel.Json)));
        LogExpired(logger, input.ItemId, input.Version);
        return true;
    }

    [LoggerMessage(EventId = 1410, Level = LogLevel.Information, Message = "Item {ItemId} v{Version}: 公示 expired, taken off the website")]
    private static partial void LogExpired(ILogger logger, string itemId, int version);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Information, Message = "Item {ItemId} v{Version}: expiry skipped ({Status})")]
    private static partial void LogSkipped(ILogger logger, string itemId, int version, string status);
}
