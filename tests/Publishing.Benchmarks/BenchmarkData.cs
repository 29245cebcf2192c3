using System.Runtime.CompilerServices;
using System.Text;
using Publishing.Checks.Catalog;

namespace Publishing.Benchmarks;

/// <summary>Inputs built from the real seed documents and the shipped rule files.</summary>
public static class BenchmarkData
{
    public const int DictionarySize = 20_000;

    // BenchmarkDotNet runs a generated copy of this project from another folder, so inputs are found from the source tree.
    static string ProjectFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    static string SeedFolder => Path.Combine(ProjectFolder(), "..", "Publishing.Tests", "Checks", "Seeds");

    public static string RulesFolder => Path.Combine(ProjectFolder(), "..", "..", "functions", "Publishing", "Checks", "Rules");

    /// <summary>The four clean seeds (000–003), concatenated and repeated to <paramref name="utf8Bytes"/> of UTF-8.</summary>
    public static string ChineseText(int utf8Bytes)
    {
        string[] seeds = [.. Directory.GetFiles(SeedFolder, "*.txt").Where(f => !Path.GetFileName(f).StartsWith("004", StringComparison.Ordinal)).Order().Select(File.ReadAllText)];
        var text = new StringBuilder();
        int bytes = 0;
        for (int i = 0; bytes < utf8Bytes; i++)
        {
            string seed = seeds[i % seeds.Length];
            text.Append(seed).Append('\n');
            bytes += Encoding.UTF8.GetByteCount(seed) + 1;
        }

        // Trim back to the byte budget on a character boundary.
        while (Encoding.UTF8.GetByteCount(text.ToString()) > utf8Bytes)
        {
            text.Length -= Math.Max(1, (Encoding.UTF8.GetByteCount(text.ToString()) - utf8Bytes) / 3);
        }

        return text.ToString();
    }

    /// <summary>
    /// The real rule terms plus synthetic CJK terms up to <see cref="DictionarySize"/>. Synthetic terms are
    /// 2–6 characters drawn from the seeds' own characters, so they share prefixes with the text as real terms do.
    /// </summary>
    public static string[] Dictionary()
    {
        var rules = RuleSetLoader.Load(RulesFolder);
        var terms = new HashSet<string>(rules.Rules.Select(r => r.Term), StringComparer.Ordinal);
        char[] alphabet = [.. ChineseText(200_000).Where(c => c is >= '\u4E00' and <= '\u9FFF').Distinct().Order()];
        var random = new Random(20240401);
        while (terms.Count < DictionarySize)
        {
            int length = random.Next(2, 7);
            var term = new char[length];
            for (int i = 0; i < length; i++)
            {
                term[i] = alphabet[random.Next(alphabet.Length)];
            }

            terms.Add(new string(term));
        }

        return [.. terms.Order(StringComparer.Ordinal)];
    }
}
