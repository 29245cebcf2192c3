using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Calendar;
using Publishing.Channels;
using Publishing.Http;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Review;

namespace Publishing.Desk;

/// <summary>
/// The lists the desk opens with: <c>GET /api/desk/queue</c> (待我审核), <c>/api/desk/mine</c> (我的稿件),
/// <c>/api/desk/publications</c> (发布管理) and <c>/api/desk/policies</c> (policies an interpretation can name).
/// </summary>
public static class DeskListsApi
{
    /// <summary>Enough for a bureau's open work; beyond it the list says it is truncated instead of paging forever.</summary>
    public const int MaxRows = 300;

    static readonly string[] ReviewerRoles = [Roles.InitialReviewer, Roles.SecondReviewer, Roles.FinalReviewer];
    static readonly string[] PublicationReaders = [Roles.Admin, Roles.FinalReviewer, Roles.Auditor];

    /// <summary>Channel states a person has to look at.</summary>
    static readonly HashSet<ChannelState> AttentionStates = [ChannelState.Failed, ChannelState.Unknown, ChannelState.PendingReview, ChannelState.RetractFailed];

    /// <summary><c>GET /api/desk/queue?kind=&amp;due=&amp;sort=urgent|newest</c> (reviewers).</summary>
    public static async Task<IResult> GetQueue(HttpContext context, string? kind, string? due, string? sort, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, ReviewerRoles, out var user, out var denial))
        {
            return denial;
        }

        var errors = new Dictionary<string, string[]>();
        ValidateKind(kind, errors);
        if (due is not null && !DueStates.All.Contains(due))
            errors["due"] = ["期限筛选只能是 overdue（已逾期）、dueToday（今日到期）、onTime（未到期）或 none（无期限）。"];
        if (sort is not null && !QueueOrder.All.Contains(sort))
            errors["sort"] = ["排序只能是 urgent（紧急优先）或 newest（最新优先）。"];
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var stages = ReviewStages.ReviewableBy(user).ToList();
        var filters = new List<string>
        {
            TableClient.CreateQueryFilter($"Status eq {ItemStatus.InReview.ToString()}"),
            "(" + string.Join(" or ", stages.Select(s => TableClient.CreateQueryFilter($"Stage eq {s}"))) + ")",
            TableClient.CreateQueryFilter($"SubmittedBy ne {user.Id}"),
        };
        if (kind is not null) filters.Add(TableClient.CreateQueryFilter($"Kind eq {kind}"));

        var services = context.RequestServices;
        var (records, _) = await ReadAllAsync(services, filters, cancellationToken);
        var calendar = services.GetRequiredService<WorkingDayCalendar>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var entries = records
            // One person does not sign two levels of the same version: those items are not theirs to decide.
            .Where(r => ItemReadModel.Reviews(r).All(x => x.Version != r.Version || x.Reviewer != user.Id))
            .Select(r => Entry(r, calendar, now))
            .Where(e => due is null || e.DueState == due);
        return TypedResults.Ok(new QueueResponse(QueueOrder.Sort(entries, sort ?? QueueOrder.Urgent)));
    }

    /// <summary><c>GET /api/desk/mine?status=&amp;kind=</c> (Editor): the signed-in editor's items, latest change first.</summary>
    public static async Task<IResult> GetMyItems(HttpContext context, string? status, string? kind, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, [Roles.Editor], out var user, out var denial))
        {
            return denial;
        }

        var errors = new Dictionary<string, string[]>();
        ValidateKind(kind, errors);
        ValidateStatus(status, errors);
        if (errors.Count > 0)
        {
            return ApiProblems.Validation(errors);
        }

        var filters = new List<string> { TableClient.CreateQueryFilter($"SubmittedBy eq {user.Id}") };
        if (kind is not null) filters.Add(TableClient.CreateQueryFilter($"Kind eq {kind}"));
        if (status is not null) filters.Add(TableClient.CreateQueryFilter($"Status eq {status}"));
        return TypedResults.Ok(await RowsAsync(context.RequestServices, filters, _ => true, cancellationToken));
    }

    /// <summary><c>GET /api/desk/publications?attention=true</c> (Admin, 终审, Auditor): approved items and their channels.</summary>
    public static async Task<IResult> GetPublications(HttpContext context, bool? attention, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, PublicationReaders, out _, out var denial))
        {
            return denial;
        }

        var filters = new List<string> { TableClient.CreateQueryFilter($"ApprovedVersion ge {1}") };
        Func<DeskItemRow, bool> keep = attention == true
            ? row => row.Status is ItemStatus.Failed or ItemStatus.PartiallyPublished or ItemStatus.RetractFailed or ItemStatus.NeedsAttention
                || row.Publications.Values.Any(p => AttentionStates.Contains(p.State))
            : _ => true;
        return TypedResults.Ok(await RowsAsync(context.RequestServices, filters, keep, cancellationToken));
    }

    /// <summary><c>GET /api/desk/policies?q=</c> (Editor): policy documents to name as the interpreted policy.</summary>
    public static async Task<IResult> GetPolicies(HttpContext context, string? q, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, [Roles.Editor], out var user, out var denial))
        {
            return denial;
        }

        if (q is { Length: > 100 })
        {
            return ApiProblems.Validation(new Dictionary<string, string[]> { ["q"] = ["搜索词不能超过 100 字。"] });
        }

        var filters = new List<string>
        {
            TableClient.CreateQueryFilter($"Kind eq {ItemKinds.Policy}"),
            TableClient.CreateQueryFilter($"Status ne {ItemStatus.Withdrawn.ToString()}"),
        };
        var (records, _) = await ReadAllAsync(context.RequestServices, filters, cancellationToken);
        string term = q?.Trim() ?? "";
        var policies = records
            .Where(r => ItemReadPolicy.CanRead(user, r))
            .Select(r => (Record: r, Metadata: ItemView.From(r, []).Metadata))
            .Where(p => term.Length == 0 || p.Record.Title.Contains(term, StringComparison.OrdinalIgnoreCase)
                || (p.Metadata.DocumentNumber?.Contains(term, StringComparison.Ordinal) ?? false)
                || (p.Record.IndexNumber?.Contains(term, StringComparison.Ordinal) ?? false))
            .OrderByDescending(p => p.Record.UpdatedAt)
            .Take(50)
            .Select(p => new PolicyOption(p.Record.Id, p.Record.Title, p.Metadata.DocumentNumber, p.Record.IndexNumber,
                p.Record.Status, p.Record.SubmittedByName))
            .ToList();
        return TypedResults.Ok(new PolicyList(policies));
    }

    static QueueEntry Entry(ItemRecord r, WorkingDayCalendar calendar, DateTimeOffset now)
    {
        // Rows written before StageOpenedAt existed: the stage opened at the last decision on this version, or at the last change.
        DateTimeOffset opened = r.StageOpenedAt
            ?? ItemReadModel.Reviews(r).Where(x => x.Version == r.Version).Select(x => (DateTimeOffset?)x.At).Max()
            ?? r.UpdatedAt;
        var timing = StageTiming.Compute(calendar, opened, r.DueAt, now);
        return new QueueEntry(r.Id, r.Kind, r.Title, r.Version, r.Stage!, r.IndexNumber, r.SubmittedByName,
            r.BlockFindings, r.WarnFindings, opened, r.DueAt, timing.WorkingDaysAtStage, timing.DueState, timing.OverdueWorkingDays);
    }

    static async Task<DeskItemList> RowsAsync(
        IServiceProvider services, List<string> filters, Func<DeskItemRow, bool> keep, CancellationToken cancellationToken)
    {
        var (records, truncated) = await ReadAllAsync(services, filters, cancellationToken);
        var publications = services.GetRequiredService<PublicationStore>();
        var rows = new List<DeskItemRow>();
        foreach (var record in records.OrderByDescending(r => r.UpdatedAt))
        {
            var channels = record.ApprovedVersion is { } approved
                ? (await publications.ListAsync(record.Id, approved, cancellationToken)).ToDictionary(p => p.Channel, PublicationView.From)
                : new Dictionary<string, PublicationView>();
            var row = DeskItemRow.From(record, channels);
            if (keep(row))
            {
                rows.Add(row);
            }
        }

        return new DeskItemList(rows, truncated);
    }

    static async Task<(List<ItemRecord> Records, bool Truncated)> ReadAllAsync(
        IServiceProvider services, List<string> filters, CancellationToken cancellationToken)
    {
        var items = services.GetRequiredService<ItemReadModel>();
        var records = new List<ItemRecord>();
        string? continuation = null;
        do
        {
            var (page, next) = await items.QueryAsync(string.Join(" and ", filters), 100, continuation, cancellationToken);
            records.AddRange(page);
            continuation = next;
        }
        while (continuation is not null && records.Count < MaxRows);

        return (records.Take(MaxRows).ToList(), continuation is not null || records.Count > MaxRows);
    }

    static void ValidateKind(string? kind, Dictionary<string, string[]> errors)
    {
        if (kind is not null && !ItemKinds.All.Contains(kind))
            errors["kind"] = [$"稿件类型“{kind}”无效，可选值：{string.Join("、", ItemKinds.All)}。"];
    }

    static void ValidateStatus(string? status, Dictionary<string, string[]> errors)
    {
        if (status is not null && !ItemStatuses.TryParse(status, out _))
            errors["status"] = [$"状态“{status}”无效，可选值：{string.Join("、", ItemStatuses.All)}。"];
    }
}
