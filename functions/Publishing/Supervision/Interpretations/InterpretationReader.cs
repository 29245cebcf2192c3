using Publishing.Lifecycle;
using Publishing.Calendar;
using Publishing.Channels;
using Publishing.Items;

namespace Publishing.Supervision.Interpretations;

/// <summary>Builds the deadlines from storage; used by the monitor and by the API.</summary>
public static class InterpretationReader
{
    public static async Task<IReadOnlyList<InterpretationDeadline>> ReadAsync(
        SupervisionSources sources, SupervisionOptions options, WorkingDayCalendar calendar, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var items = (await sources.ItemsAsync(cancellationToken))
            .Where(i => i.Kind is ItemKinds.Policy or ItemKinds.Interpretation)
            .ToList();
        if (items.Count == 0)
        {
            return [];
        }

        var firstPublished = (await sources.PublicationsAsync(cancellationToken))
            .Where(p => options.Counts(p.State))
            .GroupBy(p => p.ItemId)
            .ToDictionary(g => g.Key, g => g.Min(p => p.UpdatedAt));
        var published = items
            .Where(i => firstPublished.ContainsKey(i.Id) && i.Status != ItemStatus.Retracted)
            .Select(i => new PublishedItem(i.Id, i.Kind, i.Title, i.SubmittedBy, firstPublished[i.Id], i.InterpretsItemId, i.RequiresInterpretation));
        return InterpretationEvaluator.Evaluate(published, now, calendar, options.InterpretationWorkingDays);
    }
}
