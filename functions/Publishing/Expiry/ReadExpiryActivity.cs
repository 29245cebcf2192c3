using Microsoft.DurableTask;
using Publishing.Items;
using Publishing.Lifecycle;

namespace Publishing.Expiry;

/// <summary>The approved version's <c>metadata.expiresAt</c>, when it is published on the website.</summary>
public sealed class ReadExpiryActivity(ContentStore content) : TaskActivity<ItemVersionRef, DateTimeOffset?>
{
    public override async Task<DateTimeOffset?> RunAsync(TaskActivityContext context, ItemVersionRef input)
    {
        var stored = await content.GetVersionAsync(input.ItemId, input.Version);
        if (stored is null)
        {
            return null;
        }

        var document = VersionDocument.FromJson(stored.MetadataJson);
        return document.Channels.Contains(Items.Channels.Website) ? document.Metadata.ExpiresAt : null;
    }
}
