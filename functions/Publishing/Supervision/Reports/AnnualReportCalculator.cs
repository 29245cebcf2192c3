using Publishing.Lifecycle;
using Publishing.Calendar;
using Publishing.Channels;
using Publishing.Items;
using Publishing.Review;

namespace Publishing.Supervision.Reports;

/// <summary>Pure computation of the annual figures. Year boundaries are midnight in China (UTC+8).</summary>
public static class AnnualReportCalculator
{
    public static (DateTimeOffset Start, DateTimeOffset End) YearBounds(int year) =>
        (new DateTimeOffset(year, 1, 1, 0, 0, 0, WorkingDayCalendar.ChinaOffset),
         new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, WorkingDayCalendar.ChinaOffset));

    /// <remarks>
    /// A publication counts in the year its record reached the published state. A retracted item is counted under
    /// retractions in the year of its retraction; its record no longer says when it was published, so it is not
    /// counted as disclosed.
    /// </remarks>
    public static AnnualReport Compute(int year, IEnumerable<ReportItem> items, WorkingDayCalendar calendar, Func<ChannelState, bool> countsAsPublished)
    {
        var (start, end) = YearBounds(year);
        bool InYear(DateTimeOffset at) => at >= start && at < end;
        var all = items.ToList();

        var disclosed = all
            .Select(i => (Item: i, Channels: i.Publications.Where(p => countsAsPublished(p.State) && InYear(p.At)).Select(p => p.Channel).ToHashSet()))
            .Where(x => x.Channels.Count > 0)
            .ToList();
        var byChannel = Items.Channels.All.ToDictionary(c => c, c => disclosed.Count(d => d.Channels.Contains(c)));
        var byKind = ItemKinds.All.ToDictionary(k => k, k => disclosed.Count(d => d.Item.Kind == k));
        int retractions = all.Count(i => i.Status == ItemStatus.Retracted
            && i.Publications.Any(p => p.State == ChannelState.Retracted && InYear(p.At)));

        var decisions = all.SelectMany(i => i.Reviews.Where(r => InYear(r.At)).Select(r => (Item: i, Review: r))).ToList();
        var stages = ReviewStages.All
            .Select(stage =>
            {
                var durations = decisions
                    .Where(d => d.Review.Stage == stage)
                    .Select(d => Opened(d.Item, d.Review) is { } opened ? calendar.WorkingDaysBetween(opened, d.Review.At) : (int?)null)
                    .OfType<int>()
                    .ToList();
                return new StageDuration(stage, durations.Count, durations.Count == 0 ? 0 : Math.Round(durations.Average(), 2));
            })
            .ToList();

        return new AnnualReport(
            year,
            disclosed.Count,
            byChannel,
            byKind,
            byKind[ItemKinds.Policy],
            byKind[ItemKinds.Interpretation],
            retractions,
            new ReviewStatistics(
                decisions.Select(d => d.Item.ItemId).Distinct().Count(),
                decisions.Count(d => d.Review.Decision == Decisions.Reject),
                stages));
    }

    /// <summary>The latest opening of the decision's stage and version at or before the decision.</summary>
    static DateTimeOffset? Opened(ReportItem item, ReviewRecord review) => item.StageOpenings
        .Where(o => o.Stage == review.Stage && o.Version == review.Version && o.At <= review.At)
        .Select(o => (DateTimeOffset?)o.At)
        .Max();
}
