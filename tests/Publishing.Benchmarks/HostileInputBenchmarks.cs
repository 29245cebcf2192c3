using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using Publishing.Checks;
using Publishing.Checks.Catalog;
using Publishing.Content;
using Publishing.Items;

namespace Publishing.Benchmarks;

/// <summary>
/// The whole check pipeline on 2 MiB (UTF-8) bodies: the real seed documents, and text built to be expensive
/// (one term repeated, U+FFFD, "的", stamp lines, nested lists, leader titles, office mailboxes). Target: every hostile input ≤ 2× the real
/// document and under 1 s. The time budget is lifted so the full work is measured, not the cut-off.
/// </summary>
[MemoryDiagnoser]
public class HostileInputBenchmarks
{
    const int Size = 2 << 20;

    CheckPipeline _pipeline = null!;
    CheckDraft _draft = null!;

    [Params("RealDocument", "RepeatedTerm", "ReplacementCharacter", "RepeatedDe", "StampLines", "NestedLists", "LeaderTitles", "OfficeMailboxes")]
    public string Input { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = new CheckPipeline(new ArticleSanitizer(), RuleSetLoader.Load(BenchmarkData.RulesFolder), TimeProvider.System, TimeSpan.FromMinutes(10));
        string html = Input switch
        {
            "RealDocument" => string.Concat(BenchmarkData.ChineseText(Size * 9 / 10).Split('\n').Select(line => "<p>" + WebUtility.HtmlEncode(line) + "</p>")),
            "RepeatedTerm" => Paragraph("秘密★"),
            "ReplacementCharacter" => Paragraph("\uFFFD"),
            "RepeatedDe" => Paragraph("的"),
            "StampLines" => Repeat("<p>秘密</p>"),
            "NestedLists" => Repeat("<ul><li>"),
            // Every name a wrong title (李克强 is no longer Premier), and every mailbox judged by its context.
            "LeaderTitles" => Paragraph("国务院总理李克强、"),
            "OfficeMailboxes" => Paragraph("电子邮箱:office@163.com,"),
            _ => throw new ArgumentException(Input),
        };
        _draft = new CheckDraft(ItemKinds.News, "关于印发2023年政务公开工作要点的通知", html, new ItemMetadata(DisclosureMode: DisclosureModes.Proactive), null);
    }

    static string Paragraph(string unit) => "<p>" + Repeat(unit) + "</p>";

    /// <summary><paramref name="unit"/> repeated to <see cref="Size"/> bytes of UTF-8.</summary>
    static string Repeat(string unit) => new StringBuilder().Insert(0, unit, Size / Encoding.UTF8.GetByteCount(unit)).ToString();

    [Benchmark]
    public int Check2MiB() => _pipeline.Run(_draft).Findings.Count;
}
