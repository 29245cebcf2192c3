using Publishing.Checks;
using Publishing.Checks.Catalog;
using Publishing.Content;
using Publishing.Items;

namespace Publishing.Tests.Checks;

/// <summary>
/// Leaders' names, titles and order against the shipped knowledge base (Checks/Rules/leaders.tsv), judged on the
/// document's 成文日期. Sentences are from the real reports of the calibration corpus (Xinhua texts of 2013–2023,
/// sources in Checks/Calibration/manifest.tsv) unless said otherwise.
/// </summary>
public class LeaderCheckTests
{
    static CheckReport On(string date, string body) =>
        CheckRunner.Body(body, metadata: new ItemMetadata(DisclosureMode: DisclosureModes.Proactive, WrittenDate: date));

    [Theory]
    // d07 (2018-03-19): 会议根据国务院总理李克强的提名 — 李克强 was Premier from 2013-03-15 to 2023-03-11.
    [InlineData("2018-03-19", "会议根据国务院总理李克强的提名，经投票表决决定。", false)]
    [InlineData("2023-06-01", "会议根据国务院总理李克强的提名，经投票表决决定。", true)]
    [InlineData("2024-05-10", "会议回顾了时任国务院总理李克强的提名。", false)]
    // d02: 李强 became Premier on 2023-03-11.
    [InlineData("2023-03-11", "国务院总理李强出席会议。", false)]
    [InlineData("2023-03-10", "国务院总理李强出席会议。", true)]
    // 王岐山 was Vice-President from 2018-03-17, 韩正 after him from 2023-03-10 (d01).
    [InlineData("2020-09-01", "国家副主席王岐山会见外宾。", false)]
    [InlineData("2024-09-01", "国家副主席王岐山会见外宾。", true)]
    [InlineData("2024-09-01", "国家副主席韩正会见外宾。", false)]
    // A title after the name.
    [InlineData("2024-09-01", "韩正副总理出席。", true)]
    [InlineData("2020-09-01", "韩正副总理出席。", false)]
    public void TitleTheLeaderDidNotHoldOnTheDocumentsDate_IsBlocked(string date, string body, bool blocked)
    {
        var findings = On(date, body).Rule(LeaderCheckRule).ToList();

        Assert.Equal(blocked, findings.Count == 1);
        Assert.All(findings, f => Assert.Equal(Severities.Block, f.Severity));
    }

    const string LeaderCheckRule = "political.leader-title";

    [Fact]
    public void BlockedTitle_SaysWhenThePersonHeldIt_AndHowToWriteAPastReference()
    {
        var finding = Assert.Single(On("2023-06-01", "国务院总理李克强指出。").Rule(LeaderCheckRule));

        Assert.Equal("国务院总理李克强", finding.Excerpt);
        Assert.Contains("2013-03-15至2023-03-11", finding.Message, StringComparison.Ordinal);
        Assert.Contains("时任国务院总理李克强", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    // d06 (2015-07-01): 中共中央总书记、国家主席、中央军委主席习近平 — every title of the chain is checked.
    [InlineData("2015-07-01", "6月30日,中共中央总书记、国家主席、中央军委主席习近平在北京亲切会见全国优秀县委书记。", 0)]
    // d03 (2023-03-12): 中共中央政治局常委、全国政协主席王沪宁出席.
    [InlineData("2023-03-12", "中共中央政治局常委、全国政协主席王沪宁出席。", 0)]
    // 何立峰 is Vice-Premier, not a member of the Standing Committee.
    [InlineData("2024-03-01", "中共中央政治局常委、国务院副总理何立峰出席。", 1)]
    // d03: 全国政协副主席胡春华 — the base lists no 全国政协副主席 office, so nothing is claimed about it.
    [InlineData("2023-03-12", "全国政协副主席胡春华、沈跃跃、王勇、周强出席会议。", 0)]
    // d04 (2023-03-04): 十三届全国政协主席汪洋代表 … 向大会报告工作.
    [InlineData("2023-03-04", "十三届全国政协主席汪洋代表政协第十三届全国委员会常务委员会向大会报告工作。", 0)]
    public void ChainedTitles_AreEachChecked(string date, string body, int blocks)
    {
        Assert.Equal(blocks, On(date, body).Rule(LeaderCheckRule).Count());
    }

    [Theory]
    [InlineData("国务院总理李墙出席会议。", "李墙", "李强")]
    [InlineData("中共中央政治局常委、全国政协主席王沪林出席。", "王沪林", "王沪宁")]
    [InlineData("习进平总书记强调。", "习进平", "习近平")]
    public void NameOneCharacterAwayFromALeader_InATitleContext_IsBlockedWithTheRightName(string body, string written, string intended)
    {
        var finding = Assert.Single(On("2024-01-10", body).Rule("political.leader-name"));

        Assert.Equal((Severities.Block, written, intended), (finding.Severity, finding.Excerpt, finding.Replacement));
    }

    [Theory]
    [InlineData("县长李刚主持会议。")] // a local title: nothing is claimed
    [InlineData("总理强调，要做好稳就业工作。")] // 强调 is no name
    [InlineData("李强同志主持会议。")] // a listed name without a title
    public void OrdinaryText_IsNotANameError(string body)
    {
        var report = On("2024-01-10", body);

        Assert.Empty(report.Rule("political.leader-name"));
        Assert.Empty(report.Rule(LeaderCheckRule));
    }

    [Theory]
    // d02 (2023-03-11): the order Xinhua used.
    [InlineData("2023-03-11", "习近平、李强、赵乐际、王沪宁、韩正、蔡奇、丁薛祥、李希等出席会议。", null)]
    // d04 (2023-03-04): outgoing and incoming leaders together.
    [InlineData("2023-03-04", "这是习近平、李克强、栗战书、汪洋、李强、赵乐际、韩正、蔡奇、丁薛祥、李希、王岐山在主席台就座。", null)]
    // d07 (2018-03-19).
    [InlineData("2018-03-19", "习近平、李克强、栗战书、汪洋、王沪宁、赵乐际、韩正、王岐山等出席会议。", null)]
    [InlineData("2023-06-01", "习近平、赵乐际、李强、王沪宁等出席会议。", "习近平、李强、赵乐际、王沪宁")]
    public void LeadersListedOutOfProtocolOrder_AreAWarning_WithTheOrderedList(string date, string body, string? ordered)
    {
        var findings = On(date, body).Rule("political.leader-order").ToList();

        if (ordered is null)
        {
            Assert.Empty(findings);
            return;
        }

        var finding = Assert.Single(findings);
        Assert.Equal((Severities.Warn, ordered), (finding.Severity, finding.Replacement));
    }

    [Fact]
    public void RealLeaderReports_AreClean()
    {
        foreach (string file in new[] { "d01-xinhua-2023-03-10-state-leaders-elected.txt", "d02-xinhua-2023-03-11-premier-appointed.txt", "d08-people-2013-03-15-premier-decided.txt" })
        {
            string date = file.Contains("2013", StringComparison.Ordinal) ? "2013-03-15" : file.Contains("03-10", StringComparison.Ordinal) ? "2023-03-10" : "2023-03-11";
            string body = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Checks", "Calibration", "Documents", file));

            Assert.DoesNotContain(On(date, body).Findings, f => f.RuleId.StartsWith("political.", StringComparison.Ordinal));
        }
    }
}

/// <summary>The knowledge base extended by an administrator: a provincial secretary and a removed official, with dates.</summary>
public sealed class LeaderKnowledgeExtensionTests : IDisposable
{
    readonly string _folder = Path.Combine(Path.GetTempPath(), "leaders-" + Guid.NewGuid().ToString("N"));
    readonly CheckPipeline _pipeline;

    public LeaderKnowledgeExtensionTests()
    {
        Directory.CreateDirectory(_folder);
        foreach (string file in Directory.GetFiles(CheckRunner.RulesFolder))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }

        // 杜家毫: 湖南省委书记 from 2016-08-28 (人民日报 via china.com.cn) until 许达哲 took over on 2020-11-20.
        File.AppendAllText(Path.Combine(_folder, OfficialsLoader.LeadersFile),
            "杜家毫\t书记\t湖南省委\t2016-08-28\t2020-11-20\thttp://caifang.china.com.cn/2016-08/30/content_8997057_2.htm\n");
        File.AppendAllText(Path.Combine(_folder, OfficialsLoader.TitlesFile), "湖南省委\t书记\t湖南省委书记；省委书记\n");
        // 孙政才: removed as 重庆市委书记 on 2017-07-15 (新华社, reported by 文汇网).
        File.AppendAllText(Path.Combine(_folder, OfficialsLoader.RemovedFile),
            "孙政才\t书记\t重庆市委\t2012-11-20\t2017-07-15\thttp://sp.wenweipo.com/opencc/index.php?url=http%3A%2F%2Fnews.wenweipo.com%2F%2F2017%2F07%2F15%2FIN1707150025.htm\n");
        _pipeline = new CheckPipeline(new ArticleSanitizer(), RuleSetLoader.Load(_folder), TimeProvider.System, TimeSpan.FromMinutes(10));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    CheckReport On(string date, string body) =>
        _pipeline.Run(new CheckDraft(ItemKinds.News, "通知", CheckRunner.Paragraphs(body), new ItemMetadata(DisclosureMode: DisclosureModes.Proactive, WrittenDate: date), null));

    [Fact]
    public void ProvincialSecretaryNameMisspelt_IsBlocked_TheCaseThatVetoedABureauSite()
    {
        var finding = Assert.Single(On("2018-05-01", "湖南省委书记杜家豪在长沙调研。").Rule("political.leader-name"));

        Assert.Equal(("杜家豪", "杜家毫", Severities.Block), (finding.Excerpt, finding.Replacement, finding.Severity));
    }

    [Theory]
    [InlineData("2018-05-01", 0)]
    [InlineData("2021-03-01", 1)] // after 许达哲 took over
    public void ProvincialSecretary_IsJudgedBeforeAndAfterTheChangeOfOffice(string date, int blocks)
    {
        Assert.Equal(blocks, On(date, "湖南省委书记杜家毫在长沙调研。").Rule("political.leader-title").Count());
    }

    [Theory]
    [InlineData("2016-05-01", "重庆市委书记孙政才出席。", 0)]
    [InlineData("2018-05-01", "重庆市委书记孙政才出席。", 1)]
    // Real text (2025): 时任中央政治局委员、重庆市委书记孙政才表态 — a past reference, not a serving title.
    [InlineData("2025-02-06", "中央巡视组向重庆市委反馈巡视情况时,时任中央政治局委员、重庆市委书记孙政才表态。", 0)]
    public void RemovedOfficial_WithATitleAfterTheRemoval_IsBlocked(string date, string body, int blocks)
    {
        var findings = On(date, body).Rule("political.removed-official").ToList();

        Assert.Equal(blocks, findings.Count);
        Assert.All(findings, f => Assert.Contains("2017-07-15", f.Message, StringComparison.Ordinal));
    }
}
