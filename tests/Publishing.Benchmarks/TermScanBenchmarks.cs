using System.Buffers;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Publishing.Checks.Engine;

namespace Publishing.Benchmarks;

/// <summary>
/// One scan of 1 MB (UTF-8) of Chinese text against a 20,000-term dictionary. MB/s = 1 / mean seconds.
/// Every method returns its match count so the work cannot be optimised away.
/// </summary>
[MemoryDiagnoser]
public class TermScanBenchmarks
{
    string _text = "";
    string[] _terms = [];
    TermAutomaton _automaton = null!;
    Regex _regex = null!;
    SearchValues<string> _searchValues = null!;
    readonly List<TermMatch> _matches = new(1 << 16);

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchmarkData.ChineseText(1 << 20);
        _terms = BenchmarkData.Dictionary();
        _automaton = new TermAutomaton(_terms);
        // Longest first: .NET alternation is leftmost-first, so this is as close to "all terms" as a regex gets.
        _regex = new Regex(string.Join("|", _terms.OrderByDescending(t => t.Length).Select(Regex.Escape)), RegexOptions.Compiled | RegexOptions.CultureInvariant);
        _searchValues = SearchValues.Create(_terms, StringComparison.Ordinal);
    }

    /// <summary>(a) The engine: every occurrence of every term, with its position.</summary>
    [Benchmark(Baseline = true)]
    public int AhoCorasick()
    {
        _matches.Clear();
        _automaton.Scan(_text, _matches);
        return _matches.Count;
    }

    /// <summary>(b) One IndexOf loop per term.</summary>
    [Benchmark]
    public int NaiveIndexOfPerTerm()
    {
        int count = 0;
        foreach (string term in _terms)
        {
            for (int at = _text.IndexOf(term, StringComparison.Ordinal); at >= 0; at = _text.IndexOf(term, at + 1, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>(c) One compiled alternation; non-overlapping leftmost matches only.</summary>
    [Benchmark]
    public int CompiledRegexAlternation()
    {
        int count = 0;
        foreach (ValueMatch _ in _regex.EnumerateMatches(_text))
        {
            count++;
        }

        return count;
    }

    /// <summary>(d) SearchValues&lt;string&gt;: every start position where some term begins (not which terms).</summary>
    [Benchmark]
    public int SearchValuesIndexOfAny()
    {
        int count = 0;
        var rest = _text.AsSpan();
        while (true)
        {
            int at = rest.IndexOfAny(_searchValues);
            if (at < 0)
            {
                return count;
            }

            count++;
            rest = rest[(at + 1)..];
        }
    }
}
