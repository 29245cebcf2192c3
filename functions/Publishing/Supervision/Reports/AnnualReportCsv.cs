using System.Globalization;
using System.Text;
using Publishing.Lifecycle;
using Publishing.Channels;
using Publishing.Review;

namespace Publishing.Supervision.Reports;

/// <summary>The annual figures as CSV: UTF-8 with a byte-order mark so Excel reads the Chinese correctly.</summary>
public static class AnnualReportCsv
{
    static readonly Dictionary<string, string> KindNames = new()
    {
        [Items.ItemKinds.News] = "新闻动态",
        [Items.ItemKinds.Policy] = "政策文件",
        [Items.ItemKinds.Interpretation] = "政策解读",
        [Items.ItemKinds.Notice] = "通知公告",
    };

    public static byte[] Render(AnnualReport report)
    {
        var rows = new List<(string Section, string Item, string Value)>
        {
            ("主动公开信息总数", "", Number(report.ItemsDisclosed)),
        };
        rows.AddRange(report.ByChannel.Select(c => ("按发布渠道", ChannelDisplay.Name(c.Key), Number(c.Value))));
        rows.AddRange(report.ByKind.Select(k => ("按信息类别", KindNames.GetValueOrDefault(k.Key, k.Key), Number(k.Value))));
        rows.Add(("政策文件发布数", "", Number(report.PolicyDocuments)));
        rows.Add(("政策解读发布数", "", Number(report.Interpretations)));
        rows.Add(("撤回信息数", "", Number(report.Retractions)));
        rows.Add(("审核稿件数", "", Number(report.Reviews.ItemsReviewed)));
        rows.Add(("退回修改次数", "", Number(report.Reviews.ReturnedForRevision)));
        rows.AddRange(report.Reviews.Stages.Select(s =>
            ("平均审核用时（工作日）", ReviewStages.DisplayName(s.Stage), s.MeanWorkingDays.ToString("0.00", CultureInfo.InvariantCulture))));

        var text = new StringBuilder();
        text.Append("年度,指标,项目,数值\r\n");
        foreach (var (section, item, value) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{report.Year},{Field(section)},{Field(item)},{value}\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
