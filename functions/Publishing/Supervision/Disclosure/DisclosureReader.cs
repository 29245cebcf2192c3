using System.Text.Json;
using Publishing.Calendar;
using Publishing.Channels;
using Publishing.Items;
using Publishing.Lifecycle;

namespace Publishing.Supervision.Disclosure;

/// <summary>Builds the disclosure deadlines from storage; used by the monitor and by the API.</summary>
public static class DisclosureReader
{
    public static async Task<IReadOnlyList<DisclosureDeadline>> ReadAsync(
        SupervisionSources sources, SupervisionOptions options, WorkingDayCalendar calendar, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var items = await sources.ItemsAsync(cancellationToken);
        if (items.Count == 0)
        {
            return [];
        }

        var published = (await sources.PublicationsAsync(cancellationToken))
            .Where(p => options.Counts(p.State))
            .Select(p => p.ItemId)
            .ToHashSet(StringComparer.Ordinal);
        var candidates = items.Select(i =>
        {
            var metadata = Metadata(i.MetadataJson);
            bool open = i.Status is not (ItemStatus.Withdrawn or ItemStatus.Retracted);
            return new DisclosureCandidate(i.Id, i.Title, i.Kind, i.SubmittedBy, metadata.DisclosureMode, metadata.WrittenDate, published.Contains(i.Id), open);
        });
        return DisclosureEvaluator.Evaluate(candidates, now, calendar, options.DisclosureWorkingDays, options.DisclosureDueSoonWorkingDays);
    }

    static ItemMetadata Metadata(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<ItemMetadata>(json, ItemReadModel.Json) ?? new ItemMetadata();
        }
        catch (JsonException)
        {
            // A row that cannot be read says nothing about its deadline; it is not reported rather than failing the round.
            return new ItemMetadata();
        }
    }
}
