using System.Text.RegularExpressions;

namespace Publishing.Checks.Catalog;

/// <summary>
/// Reads and validates the rules folder (format: Checks/Rules/README.md). Any error throws
/// <see cref="RuleFileException"/> naming file, line and reason, so a bad edit stops start-up instead of
/// silently weakening the review.
/// </summary>
public static partial class RuleSetLoader
{
    public const string LeadersFile = OfficialsLoader.LeadersFile;
    public const string TraditionalFile = "TSCharacters.txt";
    const int Columns = 7;

    public static RuleSet Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new RuleFileException(folder, 0, "rules folder does not exist");
        }

        var rules = new List<TermRule>();
        var seen = new HashSet<(string, string)>();
        foreach (string path in Directory.GetFiles(folder, "*.tsv").Order(StringComparer.Ordinal))
        {
            if (!OfficialsLoader.Files.Contains(Path.GetFileName(path)))
            {
                ReadRuleFile(path, rules, seen);
            }
        }

        var officials = OfficialsLoader.Load(folder);
        var traditional = ReadTraditional(Path.Combine(folder, TraditionalFile));
        return new RuleSet(rules, traditional, officials);
    }

    static IEnumerable<(int Line, string Text)> DataLines(string path)
    {
        int number = 0;
        foreach (string line in File.ReadLines(path))
        {
            number++;
            if (line.Length > 0 && line[0] != '#' && !string.IsNullOrWhiteSpace(line))
            {
                yield return (number, line);
            }
        }
    }

    static void ReadRuleFile(string path, List<TermRule> rules, HashSet<(string, string)> seen)
    {
        string file = Path.GetFileName(path);
        foreach (var (line, text) in DataLines(path))
        {
            string[] cells = text.Split('\t');
            if (cells.Length != Columns)
            {
                throw new RuleFileException(file, line, $"expected {Columns} tab-separated columns (ruleId, aspect, severity, match, term, suggestion, message) but found {cells.Length}");
            }

            string ruleId = cells[0];
            string aspect = cells[1];
            string severity = cells[2];
            string term = cells[4];
            string? suggestion = cells[5].Length == 0 ? null : cells[5];
            string message = cells[6];
            var mode = cells[3] switch
            {
                "term" => TermMatchMode.Term,
                "first-mention" => TermMatchMode.FirstMention,
                "stamp" => TermMatchMode.Stamp,
                "allow" => TermMatchMode.Allow,
                _ => throw new RuleFileException(file, line, $"unknown match '{cells[3]}' (use term, first-mention, stamp or allow)"),
            };

            if (!RuleIdPattern().IsMatch(ruleId))
            {
                throw new RuleFileException(file, line, $"ruleId '{ruleId}' must be lower-case words separated by '.' or '-', e.g. textual.typo");
            }

            if (term.Length == 0 || term.Trim().Length == 0)
            {
                throw new RuleFileException(file, line, "term is empty");
            }

            if (Scanning.TextNormalizer.Normalize(term).Trim().Length == 0)
            {
                throw new RuleFileException(file, line, "term has no visible characters (invisible characters are removed before scanning)");
            }

            if (mode != TermMatchMode.Allow)
            {
                if (!Aspects.All.Contains(aspect))
                {
                    throw new RuleFileException(file, line, $"unknown aspect '{aspect}' (use {string.Join(", ", Aspects.All)})");
                }

                if (severity is not (Severities.Block or Severities.Warn or Severities.Info))
                {
                    throw new RuleFileException(file, line, $"unknown severity '{severity}' (use block, warn or info)");
                }

                if (message.Trim().Length == 0)
                {
                    throw new RuleFileException(file, line, "message is empty: say in Chinese what is wrong and what to do");
                }

                if (mode == TermMatchMode.FirstMention && suggestion is null)
                {
                    throw new RuleFileException(file, line, "first-mention needs the full form in the suggestion column");
                }

                if (suggestion == term)
                {
                    throw new RuleFileException(file, line, $"suggestion equals the term '{term}'");
                }
            }

            if (!seen.Add((ruleId + "|" + cells[3], term)))
            {
                throw new RuleFileException(file, line, $"duplicate term '{term}' for rule {ruleId}");
            }

            rules.Add(new TermRule(ruleId, aspect, severity, mode, term, suggestion, message, $"{file}:{line}"));
        }
    }

    static TraditionalCharacters ReadTraditional(string path)
    {
        if (!File.Exists(path))
        {
            throw new RuleFileException(TraditionalFile, 0, "file is missing; the traditional-character check needs it");
        }

        var table = new TraditionalCharacters();
        foreach (var (line, text) in DataLines(path))
        {
            string[] cells = text.Split('\t');
            if (cells.Length != 2 || cells[0].Length == 0 || cells[1].Trim().Length == 0)
            {
                throw new RuleFileException(TraditionalFile, line, "expected traditional<TAB>simplified [alternatives…]");
            }

            string[] values = cells[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // Keys outside the BMP and keys that are also valid simplified characters are not flagged.
            if (cells[0].Length == 1 && values[0].Length == 1 && !values.Contains(cells[0]))
            {
                table.Add(cells[0][0], values[0][0]);
            }
        }

        return table;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*$")]
    private static partial Regex RuleIdPattern();
}
