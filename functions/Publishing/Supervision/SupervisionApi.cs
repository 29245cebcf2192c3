using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Publishing.Calendar;
using Publishing.Http;
using Publishing.Identity;
using Publishing.Supervision.Columns;
using Publishing.Supervision.Disclosure;
using Publishing.Supervision.Interpretations;
using Publishing.Supervision.Patrol;
using Publishing.Supervision.Reports;
using Publishing.Supervision.Staleness;

namespace Publishing.Supervision;

/// <summary>
/// Supervision views and the annual figures. Admin and Auditor only: they are the people who act on supervision
/// findings and sign the annual report; account owners get their alerts in the inbox.
/// </summary>
public static class SupervisionApi
{
    public static readonly IReadOnlyList<string> AllowedRoles = [Roles.Admin, Roles.Auditor];

    public static async Task<IResult> GetAccounts(HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, AllowedRoles, out _, out var denial))
        {
            return denial;
        }

        var services = context.RequestServices;
        var accounts = await StalenessReader.ReadAsync(services.GetRequiredService<SupervisionSources>(), Options(services),
            services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new AccountsResponse(accounts));
    }

    public static async Task<IResult> GetInterpretations(HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, AllowedRoles, out _, out var denial))
        {
            return denial;
        }

        var services = context.RequestServices;
        var deadlines = await InterpretationReader.ReadAsync(services.GetRequiredService<SupervisionSources>(), Options(services),
            services.GetRequiredService<WorkingDayCalendar>(), services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new InterpretationsResponse(
            deadlines.Where(d => d.State == InterpretationStates.Pending).ToList(),
            deadlines.Where(d => d.State == InterpretationStates.Overdue).ToList(),
            deadlines.Where(d => d.State == InterpretationStates.Done).ToList()));
    }

    /// <summary>Unpublished proactive items late for their 20-working-day disclosure deadline, or due within a few working days.</summary>
    public static async Task<IResult> GetDisclosure(HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, AllowedRoles, out _, out var denial))
        {
            return denial;
        }

        var services = context.RequestServices;
        var deadlines = await DisclosureReader.ReadAsync(services.GetRequiredService<SupervisionSources>(), Options(services),
            services.GetRequiredService<WorkingDayCalendar>(), services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new DisclosureResponse(
            deadlines.Where(d => d.State == DisclosureStates.Late).ToList(),
            deadlines.Where(d => d.State == DisclosureStates.DueSoon).ToList()));
    }

    /// <summary>The website columns' freshness (动态 two weeks, 通知公告 and 政策文件 six months by default).</summary>
    public static async Task<IResult> GetColumns(HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, AllowedRoles, out _, out var denial))
        {
            return denial;
        }

        var services = context.RequestServices;
        var columns = await ColumnFreshnessReader.ReadAsync(services.GetRequiredService<SupervisionSources>(), Options(services),
            services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new ColumnsResponse(columns));
    }

    public static async Task<IResult> GetPatrol(HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, AllowedRoles, out _, out var denial))
        {
            return denial;
        }

        var report = await context.RequestServices.GetRequiredService<SupervisionStore>()
            .GetReportAsync<PatrolReport>(RunPatrolActivity.ReportName, cancellationToken);
        return report is null
            ? ApiProblems.NotFound("表述错误巡查尚未运行过，请稍后再查看。")
            : TypedResults.Ok(report);
    }

    public static async Task<IResult> GetAnnualReport(HttpContext context, string? year, string? format, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, AllowedRoles, out _, out var denial))
        {
            return denial;
        }

        var services = context.RequestServices;
        int thisYear = WorkingDayCalendar.ChinaDate(services.GetRequiredService<TimeProvider>().GetUtcNow()).Year;
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out int y) || year!.Length != 4 || y < 2000 || y > thisYear)
        {
            return ApiProblems.BadRequest($"年份“{year}”无效：请用四位数字填写 2000 至 {thisYear} 之间的年份，例如 ?year={thisYear - 1}。");
        }

        if (format is not (null or "" or "json" or "csv"))
        {
            return ApiProblems.BadRequest($"格式“{format}”不受支持：请使用 format=json（默认）或 format=csv。");
        }

        var report = await services.GetRequiredService<AnnualReportReader>().ReadAsync(y, Options(services), cancellationToken);
        return format == "csv"
            ? TypedResults.File(AnnualReportCsv.Render(report), "text/csv; charset=utf-8", $"annual-report-{y}.csv")
            : TypedResults.Ok(report);
    }

    static SupervisionOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<SupervisionOptions>>().Value;

    public sealed record AccountsResponse(IReadOnlyList<AccountStaleness> Accounts);

    public sealed record DisclosureResponse(IReadOnlyList<DisclosureDeadline> Late, IReadOnlyList<DisclosureDeadline> DueSoon);

    public sealed record ColumnsResponse(IReadOnlyList<ColumnFreshness> Columns);

    public sealed record InterpretationsResponse(
        IReadOnlyList<InterpretationDeadline> Pending, IReadOnlyList<InterpretationDeadline> Overdue, IReadOnlyList<InterpretationDeadline> Done);
}
