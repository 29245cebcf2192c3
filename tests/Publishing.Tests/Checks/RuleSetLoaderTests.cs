using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Checks;
using Publishing.Checks.Catalog;

namespace Publishing.Tests.Checks;

public sealed class RuleSetLoaderTests : IDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "rules-" + Guid.NewGuid().ToString("N"));

    public RuleSetLoaderTests()
    {
        Directory.CreateDirectory(_folder);
        foreach (string file in Directory.GetFiles(CheckRunner.RulesFolder))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    ServiceProvider Services() => new ServiceCollection()
        .AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Checks:RulesPath"] = _folder })
            .Build())
        .AddPublishingChecks()
        .BuildServiceProvider();

    [Theory]
    [InlineData("textual.bad\ttextual\twarn\tterm\t错字", 3, "columns")]
    [InlineData("textual.bad\ttextual\tfatal\tterm\t错字\t对字\t有错字。", 3, "severity 'fatal'")]
    [InlineData("textual.bad\twording\twarn\tterm\t错字\t对字\t有错字。", 3, "aspect 'wording'")]
    [InlineData("textual.bad\ttextual\twarn\tregex\t错字\t对字\t有错字。", 3, "match 'regex'")]
    [InlineData("textual.bad\ttextual\twarn\tfirst-mention\t简称\t\t请用全称。", 3, "full form")]
    [InlineData("Textual Bad\ttextual\twarn\tterm\t错字\t对字\t有错字。", 3, "ruleId")]
    public void MalformedRuleFile_FailsStartUp_WithFileLineAndReason(string badLine, int line, string reason)
    {
        File.WriteAllText(Path.Combine(_folder, "zz-admin.tsv"), "# 管理员新增\ntextual.admin\ttextual\twarn\tterm\t政务公升\t政务公开\t错字。\n" + badLine + "\n");

        using var services = Services();
        var error = Assert.Throws<RuleFileException>(() => services.GetRequiredService<CheckPipeline>());

        Assert.Equal(("zz-admin.tsv", line), (error.File, error.Line));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("zz-admin.tsv' line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AdministratorAddedRuleFile_IsAppliedWithoutCodeChange()
    {
        File.WriteAllText(Path.Combine(_folder, "zz-admin.tsv"), "policy.local\tpolitical\twarn\tterm\t老城区\t中心城区\t请使用规范名称“{suggestion}”。\n");
        // A city adds its own leaders and how their offices are written, next to the shipped national ones.
        File.AppendAllText(Path.Combine(_folder, OfficialsLoader.LeadersFile),
            "张三\t副市长\t临沂市人民政府\t2021-01-01\t\thttp://www.linyi.gov.cn/ldzc/\n李四\t市长\t临沂市人民政府\t2021-01-01\t\thttp://www.linyi.gov.cn/ldzc/\n");
        File.AppendAllText(Path.Combine(_folder, OfficialsLoader.TitlesFile), "临沂市人民政府\t市长\t市长；临沂市市长\n临沂市人民政府\t副市长\t副市长；临沂市副市长\n");

        using var services = Services();
        var report = services.GetRequiredService<CheckPipeline>().Run(new CheckDraft("news", "通知", "<p>老城区改造由市长张三负责，市长李四、副市长张三出席。</p>", new(), null));

        Assert.Equal("中心城区", Assert.Single(report.Rule("policy.local")).Suggestion);
        var wrongTitle = Assert.Single(report.Rule("political.leader-title"));
        Assert.Equal(("市长张三", Severities.Block), (wrongTitle.Excerpt, wrongTitle.Severity));
    }

    [Fact]
    public void MissingTraditionalTable_FailsStartUp()
    {
        File.Delete(Path.Combine(_folder, RuleSetLoader.TraditionalFile));

        var error = Assert.Throws<RuleFileException>(() => RuleSetLoader.Load(_folder));
        Assert.Equal(RuleSetLoader.TraditionalFile, error.File);
    }

    [Fact]
    public void ShippedRules_Load()
    {
        var rules = RuleSetLoader.Load(CheckRunner.RulesFolder);

        Assert.True(rules.Rules.Count > 100);
        Assert.True(rules.Traditional.Count > 2000);
    }
}
