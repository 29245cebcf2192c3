using System.Globalization;

namespace Publishing.Checks.Catalog;

/// <summary>
/// Reads and validates the knowledge base of the rules folder (format: Checks/Rules/README.md). Every file is
/// optional; a line that does not validate throws <see cref="RuleFileException"/> with file, line and reason.
/// </summary>
public static class OfficialsLoader
{
    public const string LeadersFile = "leaders.tsv";
    public const string TitlesFile = "leader-titles.tsv";
    public const string OrderFile = "leader-order.tsv";
    public const string RemovedFile = "removed-officials.tsv";

    /// <summary>The knowledge files: not term-rule files.</summary>
    public static readonly IReadOnlySet<string> Files = new HashSet<string>(StringComparer.Ordinal) { LeadersFile, TitlesFile, OrderFile, RemovedFile };

    const string OfficeColumns = "name, title, organisation, from, until, source";

    public static OfficialsKnowledge Load(string folder)
    {
        var leaders = ReadOffices(folder, LeadersFile, untilRequired: false);
        var removed = ReadOffices(folder, RemovedFile, untilRequired: true);
        var forms = new Dictionary<string, HashSet<(string, string)>>(StringComparer.Ordinal);
        void AddForm(string form, (string, string) key)
        {
            if (!forms.TryGetValue(form, out var keys))
            {
                forms[form] = keys = [];
            }

            keys.Add(key);
        }

        foreach (var office in leaders)
        {
            AddForm(office.Organisation + office.Title, office.Key);
        }

        // A removed official is usually written with the bare title of the office he lost (副省长张三).
        foreach (var office in removed)
        {
            AddForm(office.Organisation + office.Title, office.Key);
            AddForm(office.Title, office.Key);
        }

        foreach (var (line, cells) in Lines(folder, TitlesFile, 3, "organisation, title, forms"))
        {
            string[] written = cells[2].Split(['；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (cells[0].Length == 0 || cells[1].Length == 0 || written.Length == 0)
            {
                throw new RuleFileException(TitlesFile, line, "organisation, title and at least one written form (separated by ；) are required");
            }

            foreach (string form in written)
            {
                AddForm(form, (cells[0], cells[1]));
            }
        }

        var names = leaders.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var orders = new List<ProtocolOrder>();
        foreach (var (line, cells) in Lines(folder, OrderFile, 4, "from, until, names, source"))
        {
            var (from, until) = Period(OrderFile, line, cells[0], cells[1], untilRequired: false);
            string[] order = cells[2].Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (order.Length < 2)
            {
                throw new RuleFileException(OrderFile, line, "names must list at least two leaders separated by 、");
            }

            if (order.FirstOrDefault(n => !names.Contains(n)) is { } unknown)
            {
                throw new RuleFileException(OrderFile, line, $"name '{unknown}' is not in {LeadersFile}");
            }

            orders.Add(new ProtocolOrder(from, until, order, Source(OrderFile, line, cells[3]), $"{OrderFile}:{line}"));
        }

        return new OfficialsKnowledge(leaders, removed,
            forms.ToDictionary(f => f.Key, f => (IReadOnlyCollection<(string, string)>)f.Value, StringComparer.Ordinal), orders);
    }

    static List<Office> ReadOffices(string folder, string file, bool untilRequired)
    {
        var offices = new List<Office>();
        var seen = new HashSet<(string, string, string, DateOnly)>();
        foreach (var (line, cells) in Lines(folder, file, 6, OfficeColumns))
        {
            string name = cells[0];
            if (name.Length is < 2 or > 8 || name.Any(char.IsWhiteSpace))
            {
                throw new RuleFileException(file, line, $"name '{name}' must be 2 to 8 characters without spaces");
            }

            if (cells[1].Length == 0 || cells[2].Length == 0)
            {
                throw new RuleFileException(file, line, "title and organisation are required, e.g. 总理 and 国务院");
            }

            var (from, until) = Period(file, line, cells[3], cells[4], untilRequired);
            if (!seen.Add((name, cells[1], cells[2], from)))
            {
                throw new RuleFileException(file, line, $"duplicate office {cells[2]}{cells[1]} of {name} from {from:yyyy-MM-dd}");
            }

            offices.Add(new Office(name, cells[1], cells[2], from, until, Source(file, line, cells[5]), $"{file}:{line}"));
        }

        return offices;
    }

    static (DateOnly From, DateOnly? Until) Period(string file, int line, string fromText, string untilText, bool untilRequired)
    {
        if (!TryDate(fromText, out var from))
        {
            throw new RuleFileException(file, line, $"from '{fromText}' is not a date (use yyyy-MM-dd)");
        }

        if (untilText.Length == 0)
        {
            return untilRequired
                ? throw new RuleFileException(file, line, "until is required: the date the person was removed from office")
                : (from, null);
        }

        if (!TryDate(untilText, out var until))
        {
            throw new RuleFileException(file, line, $"until '{untilText}' is not a date (use yyyy-MM-dd, or leave it empty while in office)");
        }

        return until <= from ? throw new RuleFileException(file, line, $"until {until:yyyy-MM-dd} is not after from {from:yyyy-MM-dd}") : (from, until);
    }

    static string Source(string file, int line, string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? source
            : throw new RuleFileException(file, line, $"source '{source}' must be the http(s) address of the announcement");

    static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    static IEnumerable<(int Line, string[] Cells)> Lines(string folder, string file, int columns, string names)
    {
        string path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            yield break;
        }

        int number = 0;
        foreach (string text in File.ReadLines(path))
        {
            number++;
            if (text.Length == 0 || text[0] == '#' || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            string[] cells = text.Split('\t');
            if (cells.Length != columns)
            {
                throw new RuleFileException(file, number, $"expected {columns} tab-separated columns ({names}) but found {cells.Length}");
            }

            yield return (number, [.. cells.Select(c => c.Trim())]);
        }
    }
}
