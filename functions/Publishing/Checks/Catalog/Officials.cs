namespace Publishing.Checks.Catalog;

/// <summary>One office a person held: a line of leaders.tsv or removed-officials.tsv.</summary>
/// <param name="Title">The office's title, e.g. 总理, 副总理, 委员长, 政治局常委.</param>
/// <param name="Organisation">Who the office belongs to, e.g. 国务院, 全国人大常委会, 中共中央.</param>
/// <param name="From">First day in office (the day of the election or appointment).</param>
/// <param name="Until">The day the successor took over or the person was removed; null while in office.</param>
/// <param name="Source">Address of the announcement the dates come from.</param>
/// <param name="Location">File and line, for messages.</param>
public sealed record Office(string Name, string Title, string Organisation, DateOnly From, DateOnly? Until, string Source, string Location)
{
    /// <summary>Held on <paramref name="date"/>: from the first day, up to (not including) the successor's first day.</summary>
    public bool HeldOn(DateOnly date) => From <= date && (Until is null || date < Until.Value);

    /// <summary>(organisation, title): what a written form of a title refers to.</summary>
    public (string Organisation, string Title) Key => (Organisation, Title);

    public string Describe() =>
        $"{Organisation}{Title}（{From:yyyy-MM-dd}至{(Until is { } until ? until.ToString("yyyy-MM-dd") : "今")}）";
}

/// <summary>The protocol order of leaders valid in a period (a line of leader-order.tsv).</summary>
public sealed record ProtocolOrder(DateOnly From, DateOnly? Until, IReadOnlyList<string> Names, string Source, string Location)
{
    public bool ValidOn(DateOnly date) => From <= date && (Until is null || date < Until.Value);

    /// <summary>Position of <paramref name="name"/> in the order, or -1.</summary>
    public int Rank(string name)
    {
        for (int i = 0; i < Names.Count; i++)
        {
            if (Names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>
/// The knowledge base of leaders, titles and agencies: who held which office when (leaders.tsv), how each office is
/// written (leader-titles.tsv), the protocol order of each period (leader-order.tsv) and removed officials
/// (removed-officials.tsv). Built once at start; immutable.
/// </summary>
public sealed class OfficialsKnowledge
{
    readonly Dictionary<string, List<Office>> _leaders;
    readonly Dictionary<string, List<Office>> _removed;
    readonly Dictionary<string, HashSet<(string, string)>> _forms;
    readonly Dictionary<string, List<string>> _nearNames = new(StringComparer.Ordinal);
    readonly Dictionary<string, DateOnly> _coveredFrom = new(StringComparer.Ordinal);

    public static readonly OfficialsKnowledge Empty = new([], [], new Dictionary<string, IReadOnlyCollection<(string, string)>>(), []);

    public OfficialsKnowledge(IReadOnlyList<Office> leaders, IReadOnlyList<Office> removed,
        IReadOnlyDictionary<string, IReadOnlyCollection<(string Organisation, string Title)>> forms, IReadOnlyList<ProtocolOrder> orders)
    {
        _leaders = Index(leaders);
        _removed = Index(removed);
        _forms = forms.ToDictionary(f => f.Key, f => f.Value.ToHashSet(), StringComparer.Ordinal);
        Orders = orders;
        foreach (string name in _leaders.Keys.Concat(_removed.Keys).Distinct(StringComparer.Ordinal))
        {
            for (int i = 0; i < name.Length; i++)
            {
                string key = WildcardKey(name, i);
                if (!_nearNames.TryGetValue(key, out var names))
                {
                    _nearNames[key] = names = [];
                }

                names.Add(name);
            }
        }

        foreach (var (form, keys) in _forms)
        {
            var holders = leaders.Where(o => keys.Contains(o.Key)).ToList();
            if (holders.Count > 0)
            {
                _coveredFrom[form] = holders.Min(o => o.From);
            }
        }

        NameLengths = [.. _nearNames.Values.SelectMany(n => n).Select(n => n.Length).Distinct().Order()];
    }

    /// <summary>Names of leaders.tsv.</summary>
    public IEnumerable<string> LeaderNames => _leaders.Keys;

    /// <summary>Names of removed-officials.tsv.</summary>
    public IEnumerable<string> RemovedNames => _removed.Keys;

    /// <summary>Every written form of a title (国务院总理, 总理, 中共中央政治局常委 …).</summary>
    public IEnumerable<string> Forms => _forms.Keys;

    public IReadOnlyList<ProtocolOrder> Orders { get; }

    /// <summary>Lengths of the listed names, for the near-name look-up.</summary>
    public IReadOnlyList<int> NameLengths { get; }

    public IReadOnlyList<Office> OfficesOf(string name) => _leaders.TryGetValue(name, out var offices) ? offices : [];

    public IReadOnlyList<Office> RemovalsOf(string name) => _removed.TryGetValue(name, out var offices) ? offices : [];

    public bool IsListed(string name) => _leaders.ContainsKey(name) || _removed.ContainsKey(name);

    /// <summary>True when <paramref name="form"/> is a way of writing <paramref name="office"/>.</summary>
    public bool Denotes(string form, Office office) => _forms.TryGetValue(form, out var keys) && keys.Contains(office.Key);

    /// <summary>
    /// True when the base speaks for the offices <paramref name="form"/> denotes on <paramref name="date"/>: from their
    /// earliest listed holder on. Before that a listed person may have held the office unrecorded (李克强 was 副总理 before 2013).
    /// </summary>
    public bool Covers(string form, DateOnly date) => _coveredFrom.TryGetValue(form, out var from) && date >= from;

    /// <summary>Listed names that differ from <paramref name="candidate"/> in exactly one character.</summary>
    public IEnumerable<string> NamesOneCharacterAway(ReadOnlySpan<char> candidate)
    {
        var found = new List<string>();
        string text = candidate.ToString();
        for (int i = 0; i < text.Length; i++)
        {
            if (_nearNames.TryGetValue(WildcardKey(text, i), out var names))
            {
                found.AddRange(names.Where(n => n != text));
            }
        }

        return found.Distinct(StringComparer.Ordinal);
    }

    static string WildcardKey(string name, int position) => string.Concat(name.AsSpan(0, position), "\0", name.AsSpan(position + 1));

    static Dictionary<string, List<Office>> Index(IReadOnlyList<Office> offices) =>
        offices.GroupBy(o => o.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
}
