using Publishing.Calendar;
using Publishing.Checks;
using Publishing.Content;
using Publishing.Items;
using Publishing.Tests.Channels;

namespace Publishing.Tests.Checks;

/// <summary>主动公开 within 20 working days of being formed (政府信息公开条例 第二十六条), counted on the State Council calendar.</summary>
public class DisclosureDeadlineTests
{
    static readonly CheckPipeline Shared = CheckRunner.Pipeline;

    static CheckReport SubmittedOn(DateOnly day, string writtenDate, string mode = DisclosureModes.Proactive, CheckOccasion occasion = CheckOccasion.BeforePublication)
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(day.ToDateTime(new TimeOnly(16, 30)), WorkingDayCalendar.ChinaOffset));
        var pipeline = new CheckPipeline(new ArticleSanitizer(), Shared.Rules, clock, TimeSpan.FromMinutes(10), WorkingDayCalendar.LoadEmbedded());
        return pipeline.Run(new CheckDraft(ItemKinds.Policy, "关于做好政务公开工作的通知", "<p>各单位：现将有关事项通知如下。</p>",
            new ItemMetadata(DisclosureMode: mode, WrittenDate: writtenDate, DocumentNumber: "临政办字〔2025〕45号"), null), occasion);
    }

    [Theory]
    // Written Tuesday 2025-09-16. The 20th working day counts the make-up days 09-28 and 10-11 and skips 10-01…10-08
    // (国办发明电〔2024〕12号): it is 2025-10-20. Counting Monday to Friday it would be 10-14.
    [InlineData("2025-10-14", false)]
    [InlineData("2025-10-17", false)]
    [InlineData("2025-10-20", false)]
    [InlineData("2025-10-21", true)]
    public void WrittenMoreThanTwentyWorkingDaysAgo_IsAWarning_AcrossTheNationalDayHoliday(string submitted, bool warned)
    {
        var report = SubmittedOn(DateOnly.Parse(submitted), "2025-09-16");

        var findings = report.Rule("legal.disclosure-deadline").ToList();
        Assert.Equal(warned, findings.Count == 1);
        Assert.All(findings, f =>
        {
            Assert.Equal(Severities.Warn, f.Severity);
            Assert.Contains("2025-10-20", f.Message, StringComparison.Ordinal);
            Assert.Contains("超过 1 个工作日", f.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void NoWrittenDate_DisclosureOnApplication_OrThePatrol_GetNoDeadlineWarning()
    {
        var late = new DateOnly(2025, 12, 1);

        Assert.Empty(SubmittedOn(late, "").Rule("legal.disclosure-deadline"));
        Assert.Empty(SubmittedOn(late, "2025-09-16", DisclosureModes.OnApplication).Rule("legal.disclosure-deadline"));
        Assert.Empty(SubmittedOn(late, "2025-09-16", occasion: CheckOccasion.Patrol).Rule("legal.disclosure-deadline"));
        Assert.Single(SubmittedOn(late, "2025-09-16").Rule("legal.disclosure-deadline"));
    }
}
