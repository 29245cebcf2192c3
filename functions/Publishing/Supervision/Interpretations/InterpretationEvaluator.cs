using Publishing.Calendar;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Notifications;

namespace Publishing.Supervision.Interpretations;

/// <summary>Pure deadline rules: a published policy needs a published interpretation within N working days.</summary>
public static class InterpretationEvaluator
{
    public static IReadOnlyList<InterpretationDeadline> Evaluate(
        IEnumerable<PublishedItem> published, DateTimeOffset now, WorkingDayCalendar calendar, int workingDays)
    {
        var items = published.ToList();
        var firstInterpretation = items
            .Where(i => i.Kind == ItemKinds.Interpretation && i.InterpretsItemId is not null)
            .GroupBy(i => i.InterpretsItemId!)
            .ToDictionary(g => g.Key, g => g.OrderBy(i => i.PublishedAt).First());
        DateOnly today = WorkingDayCalendar.ChinaDate(now);

        return items
            .Where(i => i.Kind == ItemKinds.Policy && i.RequiresInterpretation != false)
            .Select(policy =>
            {
                DateOnly due = calendar.AddWorkingDays(WorkingDayCalendar.ChinaDate(policy.PublishedAt), workingDays);
                if (firstInterpretation.TryGetValue(policy.ItemId, out var interpretation))
                {
                    return new InterpretationDeadline(policy.ItemId, policy.Title, policy.SubmittedBy, policy.PublishedAt, due,
                        InterpretationStates.Done, interpretation.ItemId, interpretation.PublishedAt,
                        WorkingDayCalendar.ChinaDate(interpretation.PublishedAt) <= due);
                }

                string state = today > due ? InterpretationStates.Overdue : InterpretationStates.Pending;
                return new InterpretationDeadline(policy.ItemId, policy.Title, policy.SubmittedBy, policy.PublishedAt, due, state, null, null, null);
            })
            .OrderBy(d => d.DueDate)
            .ThenBy(d => d.PolicyId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The overdue alert, once per policy, to its submitter and the administrators.</summary>
    public static IReadOnlyList<Notification> Notifications(InterpretationDeadline deadline, DateTimeOffset now)
    {
        if (deadline.State != InterpretationStates.Overdue)
        {
            return [];
        }

        string message = $"【政策解读超期】政策文件《{deadline.Title}》已于 {deadline.PublishedAt.ToOffset(WorkingDayCalendar.ChinaOffset):yyyy-MM-dd} 发布，" +
            $"其政策解读应于 {deadline.DueDate:yyyy-MM-dd} 前发布（三同步要求），目前仍未发布。请尽快提交并发布解读。";
        return new[] { Recipients.User(deadline.SubmittedBy), Recipients.Role(Roles.Admin) }
            .Select(r => new Notification($"interpretation-overdue|{deadline.PolicyId}|{r}", r, "interpretation-overdue", deadline.PolicyId, message, now))
            .ToList();
    }
}
