using System.Net;
using BenchmarkDotNet.Attributes;
using Publishing.Checks;
using Publishing.Checks.Catalog;
using Publishing.Content;
using Publishing.Items;

namespace Publishing.Benchmarks;

/// <summary>The whole check pipeline (sanitize → extract → all checks) on a 100 KB article.</summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    CheckPipeline _pipeline = null!;
    CheckDraft _draft = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = new CheckPipeline(new ArticleSanitizer(), RuleSetLoader.Load(BenchmarkData.RulesFolder));
        string text = BenchmarkData.ChineseText(100 * 1024 * 9 / 10);
        string html = string.Concat(text.Split('\n').Select(line => "<p>" + WebUtility.HtmlEncode(line) + "</p>"));
        _draft = new CheckDraft(ItemKinds.Policy, "临沂市人民政府办公室关于印发2023年临沂市政务公开工作要点的通知", html,
            new ItemMetadata(DocumentNumber: "临政办字〔2023〕45号", DisclosureMode: DisclosureModes.Proactive), null);
    }

    [Benchmark]
    public int CheckArticle100KB() => _pipeline.Run(_draft).Findings.Count;
}
