using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Publishing.Checks;
using Publishing.Content;
using Publishing.Items;

namespace Publishing.Assets;

/// <summary>
/// Runs the same 四关 checks as the body on an attachment's text and says where each finding is (page, cell,
/// paragraph). Each line of text becomes a paragraph of a synthetic body, so the pipeline is run once per file.
/// </summary>
public sealed partial class AttachmentChecker(CheckPipeline pipeline)
{
    public const string NoTextLayerRuleId = "confidentiality.attachment-no-text";
    public const string TruncatedRuleId = "confidentiality.attachment-truncated";

    public IReadOnlyList<Finding> Check(string assetId, string fileName, ExtractedText text)
    {
        var source = new FindingSource(assetId, fileName);
        var findings = new List<Finding>();
        if (text.Segments.Count > 0)
        {
            var lines = new List<(string Line, int Segment)>();
            var html = new StringBuilder();
            for (int i = 0; i < text.Segments.Count; i++)
            {
                foreach (string raw in text.Segments[i].Text.Split('\n'))
                {
                    string line = Whitespace().Replace(raw, " ").Trim();
                    if (line.Length > 0)
                    {
                        lines.Add((line, i));
                        html.Append("<p>").Append(WebUtility.HtmlEncode(line)).Append("</p>");
                    }
                }
            }

            var report = pipeline.Run(new CheckDraft(ItemKinds.News, "", html.ToString(), new ItemMetadata(), null));
            var anchors = Anchor(VisibleText.ForItem("", VisibleTextExtractor.Extract(report.SanitizedHtml)).Text, lines);
            FindingSource SourceAt(int start) => SegmentAt(anchors, start) is var segment and >= 0 ? Locate(source, text.Segments[segment]) : source;
            foreach (var finding in report.Findings)
            {
                // HTML ranges point into the synthetic body, which nobody sees: the source says where to look instead.
                findings.Add(finding with
                {
                    // Unique beside the body's findings and other attachments' (a dismissal names one).
                    Id = finding.Id + "@" + assetId,
                    HtmlStart = null,
                    HtmlLength = null,
                    Source = SourceAt(finding.Start),
                    Occurrences = [.. finding.Occurrences.Select(o => o with { HtmlStart = null, HtmlLength = null, Source = SourceAt(o.Start) })],
                });
            }
        }

        if (text.PagesWithoutText.Count > 0)
        {
            bool all = text.PagesWithoutText.Count == text.Pages;
            string pages = string.Join("、", text.PagesWithoutText.Take(20)) + (text.PagesWithoutText.Count > 20 ? " 等" : "");
            findings.Add(new Finding(Aspects.Confidentiality, NoTextLayerRuleId, Severities.Warn,
                (all ? $"附件“{fileName}”没有文字层（可能是扫描件）" : $"附件“{fileName}”第 {pages} 页没有文字层（可能是扫描页）")
                + "，无法自动检查其中的涉密标志和个人信息。请审核人员逐页人工审看，确认无身份证号、手机号等个人信息和密级标志后再通过。",
                0, 0, "")
            {
                Id = NoTextLayerRuleId + "@" + assetId,
                Source = text.PagesWithoutText.Count == 1 ? source with { Page = text.PagesWithoutText[0] } : source,
            });
        }

        if (text.Truncated)
        {
            findings.Add(new Finding(Aspects.Confidentiality, TruncatedRuleId, Severities.Block,
                $"附件“{fileName}”的文字过多，只检查了前 {text.Chars} 个字，其余部分未检查，不能通过。请将附件拆分为多个较小的文件后重新上传。",
                0, 0, "") { Id = TruncatedRuleId + "@" + assetId, Source = source });
        }

        return findings;
    }

    static FindingSource Locate(FindingSource source, TextSegment segment) =>
        source with { Page = segment.Page, Sheet = segment.Sheet, Cell = segment.Cell, Paragraph = segment.Paragraph, Part = segment.Part };

    /// <summary>Where each line starts in the checked text, in order; lines the extractor changed are skipped.</summary>
    static List<(int Start, int Segment)> Anchor(string checkedText, List<(string Line, int Segment)> lines)
    {
        var anchors = new List<(int Start, int Segment)>(lines.Count);
        int cursor = 0;
        foreach (var (line, segment) in lines)
        {
            int at = checkedText.IndexOf(line, cursor, StringComparison.Ordinal);
            if (at >= 0)
            {
                anchors.Add((at, segment));
                cursor = at + line.Length;
            }
        }

        return anchors;
    }

    static int SegmentAt(List<(int Start, int Segment)> anchors, int start)
    {
        int low = 0, high = anchors.Count - 1, found = -1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            if (anchors[middle].Start <= start)
            {
                found = anchors[middle].Segment;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    [GeneratedRegex(@"[\s\p{Cc}]+")]
    private static partial Regex Whitespace();
}
