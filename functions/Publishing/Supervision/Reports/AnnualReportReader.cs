using Publishing.Lifecycle;
using Publishing.Audit;
using Publishing.Calendar;
using Publishing.Items;
using Publishing.Review;

namespace Publishing.Supervision.Reports;

/// <summary>Loads the year's items, publication records and stage openings (from the audit trail) and computes the figures.</summary>
public sealed class AnnualReportReader(SupervisionSources sources, AuditTrail audit, WorkingDayCalendar calendar, ItemReviewStore reviewRows)
{
    public async Task<AnnualReport> ReadAsync(int year, SupervisionOptions options, CancellationToken cancellationToken = default)
    {
        var (start, end) = AnnualReportCalculator.YearBounds(year);
        var publications = (await sources.PublicationsAsync(cancellationToken)).ToLookup(p => p.ItemId);
        var items = new List<ReportItem>();
        foreach (var item in await sources.ItemsAsync(cancellationToken))
        {
            if (item.CreatedAt >= end)
            {
                continue;
            }

            var reviews = (await reviewRows.ListAsync(item.Id, cancellationToken)).Concat(ItemReadModel.StoredReviews(item)).DistinctBy(r => r.CommandId).ToList();
            IReadOnlyList<StageOpening> openings = [];
            if (reviews.Any(r => r.At >= start && r.At < end))
            {
                // Only items reviewed this year need their trail: stage-opened times are not in the read model.
                openings = (await audit.ReadAsync(item.Id, cancellationToken)).Entries
                    .Where(e => e.Action == AuditActions.StageOpened && e.Stage is not null && e.Version is not null)
                    .Select(e => new StageOpening(e.Stage!, e.Version!.Value, e.At))
                    .ToList();
            }

            items.Add(new ReportItem(item.Id, item.Kind, item.Status,
                publications[item.Id].Select(p => new ReportPublication(p.Channel, p.State, p.UpdatedAt)).ToList(), reviews, openings));
        }

        return AnnualReportCalculator.Compute(year, items, calendar, options.Counts);
    }
}
