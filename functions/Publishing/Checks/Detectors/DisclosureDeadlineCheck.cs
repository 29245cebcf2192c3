using Publishing.Items;

namespace Publishing.Checks.Detectors;

/// <summary>
/// 法律关, 主动公开 on time: information to be disclosed proactively is published within 20 working days of being
/// formed (《中华人民共和国政府信息公开条例》第二十六条). A draft or submission whose 成文日期 is already more than 20
/// working days back (State Council holiday calendar) gets a warning; the patrol of published pages does not run it.
/// </summary>
public sealed class DisclosureDeadlineCheck : ICheck
{
    public const string RuleId = "legal.disclosure-deadline";

    /// <summary>条例第二十六条: 自该政府信息形成或者变更之日起20个工作日内.</summary>
    public const int WorkingDays = 20;

    /// <summary>
    /// A 成文日期 before 2000 or in the future is a metadata slip, not a deadline to count: counting working days from
    /// year 1 would cost a loop over every day since.
    /// </summary>
    public static bool IsPlausible(DateOnly written, DateOnly today) => written.Year >= 2000 && written <= today.AddYears(1);

    public void Run(CheckContext context, FindingCollector findings)
    {
        if (context.Occasion != CheckOccasion.BeforePublication
            || context.Draft.Metadata.DisclosureMode is DisclosureModes.OnApplication or DisclosureModes.NotDisclosed
            || context.WrittenDate is not { } written
            || !IsPlausible(written, context.Today))
        {
            return;
        }

        DateOnly due = context.Calendar.AddWorkingDays(written, WorkingDays);
        if (context.Today <= due)
        {
            return;
        }

        int late = context.Calendar.WorkingDaysBetween(due, context.Today);
        var (start, length) = context.TitleRange;
        findings.Add(Aspects.Legal, RuleId, Severities.Warn,
            $"成文日期为 {written:yyyy-MM-dd}，按《中华人民共和国政府信息公开条例》第二十六条，属于主动公开范围的政府信息应自形成之日起 {WorkingDays} 个工作日内公开，"
            + $"即最迟 {due:yyyy-MM-dd}；目前已超过 {late} 个工作日。请尽快完成审核发布，并在审核意见中说明延迟原因。",
            start, length);
    }
}
