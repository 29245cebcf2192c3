using Publishing.Checks.Catalog;

namespace Publishing.Tests.Checks;

/// <summary>An administrator's edit of the knowledge base that does not validate stops start-up with file, line and reason.</summary>
public sealed class OfficialsLoaderTests : IDisposable
{
    const string Source = "http://www.news.cn/";
    readonly string _folder = Path.Combine(Path.GetTempPath(), "officials-" + Guid.NewGuid().ToString("N"));

    public OfficialsLoaderTests()
    {
        Directory.CreateDirectory(_folder);
        foreach (string file in Directory.GetFiles(CheckRunner.RulesFolder))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(OfficialsLoader.LeadersFile, "张三\t市长\t临沂市人民政府\t2021-01-01", "expected 6 tab-separated columns")]
    [InlineData(OfficialsLoader.LeadersFile, "张三\t市长\t临沂市人民政府\t2021-1-1\t\t" + Source, "from '2021-1-1' is not a date")]
    [InlineData(OfficialsLoader.LeadersFile, "张三\t市长\t临沂市人民政府\t2021-01-01\t2020-01-01\t" + Source, "is not after from")]
    [InlineData(OfficialsLoader.LeadersFile, "张三\t市长\t临沂市人民政府\t2021-01-01\t\t临沂日报", "must be the http(s) address")]
    [InlineData(OfficialsLoader.LeadersFile, "张 三\t市长\t临沂市人民政府\t2021-01-01\t\t" + Source, "without spaces")]
    [InlineData(OfficialsLoader.LeadersFile, "李强\t总理\t国务院\t2023-03-11\t\t" + Source, "duplicate office")]
    [InlineData(OfficialsLoader.RemovedFile, "张三\t副市长\t临沂市人民政府\t2019-01-01\t\t" + Source, "until is required")]
    [InlineData(OfficialsLoader.TitlesFile, "临沂市人民政府\t市长\t", "at least one written form")]
    [InlineData(OfficialsLoader.OrderFile, "2023-03-10\t\t习近平、张三\t" + Source, "name '张三' is not in leaders.tsv")]
    [InlineData(OfficialsLoader.OrderFile, "2023-03-10\t\t习近平\t" + Source, "at least two leaders")]
    public void InvalidLine_FailsStartUp_WithFileLineAndReason(string file, string line, string reason)
    {
        string path = Path.Combine(_folder, file);
        int lineNumber = (File.Exists(path) ? File.ReadAllLines(path).Length : 0) + 1;
        File.AppendAllText(path, line + "\n");

        var error = Assert.Throws<RuleFileException>(() => RuleSetLoader.Load(_folder));

        Assert.Equal((file, lineNumber), (error.File, error.Line));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedKnowledgeBase_ListsTheNationalLeadersWithASourceForEveryLine()
    {
        var officials = RuleSetLoader.Load(CheckRunner.RulesFolder).Officials;

        Assert.Superset(new HashSet<string> { "习近平", "李强", "赵乐际", "王沪宁", "蔡奇", "丁薛祥", "李希", "韩正", "何立峰", "张国清", "刘国中",
            "李克强", "栗战书", "汪洋", "王岐山", "孙春兰", "胡春华", "刘鹤" }, officials.LeaderNames.ToHashSet());
        Assert.All(officials.LeaderNames.SelectMany(officials.OfficesOf), o => Assert.StartsWith("http", o.Source, StringComparison.Ordinal));
        Assert.Empty(officials.RemovedNames);
        Assert.Contains(officials.Orders, o => o.Until is null && o.Names[0] == "习近平" && o.Names[1] == "李强");
    }
}
