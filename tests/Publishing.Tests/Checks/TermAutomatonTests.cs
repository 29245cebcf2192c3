using Publishing.Checks.Engine;

namespace Publishing.Tests.Checks;

public class TermAutomatonTests
{
    [Fact]
    public void Scan_OverlappingAndNestedTerms_ReportsEveryOccurrenceWithPosition()
    {
        var automaton = new TermAutomaton(["秘密", "工作秘密", "密★", "秘密★"]);
        var matches = new List<TermMatch>();

        automaton.Scan("工作秘密、秘密★1年", matches);

        var found = matches.Select(m => (m.TermIndex, m.Start, m.Length)).Order().ToList();
        // 工作秘密 at 0, 秘密 at 2 and 5, 秘密★ at 5, 密★ at 6
        Assert.Equal([(0, 2, 2), (0, 5, 2), (1, 0, 4), (2, 6, 2), (3, 5, 3)], found);
    }

    [Fact]
    public void Scan_AgreesWithNaiveSearch_OnSeedText()
    {
        string text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Checks", "Seeds", "003_02085f7e2344a83a.txt"));
        string[] terms = ["政务公开", "公开", "信息", "政府信息公开", "临沂", "〔2023〕", "不存在的词语"];
        var automaton = new TermAutomaton(terms);
        var matches = new List<TermMatch>();

        automaton.Scan(text, matches);

        for (int t = 0; t < terms.Length; t++)
        {
            var expected = new List<int>();
            for (int at = text.IndexOf(terms[t], StringComparison.Ordinal); at >= 0; at = text.IndexOf(terms[t], at + 1, StringComparison.Ordinal))
            {
                expected.Add(at);
            }

            Assert.Equal(expected, matches.Where(m => m.TermIndex == t).Select(m => m.Start).Order());
        }

        Assert.Equal(matches.Count, automaton.Count(text));
    }
}
