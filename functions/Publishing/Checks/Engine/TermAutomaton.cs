namespace Publishing.Checks.Engine;

/// <summary>
/// Aho–Corasick automaton over UTF-16 code units: one pass reports every occurrence of every term, at a cost
/// per character that does not depend on the dictionary size. Built once; immutable and thread-safe after.
/// </summary>
/// <remarks>
/// Root transitions are a dense 64K table (most steps in CJK text fall back to the root); deeper edges live in
/// one open-addressing hash keyed by (state, char). Output sets are flattened along the failure chain at build
/// time so the scan only walks a contiguous slice per state.
/// </remarks>
public sealed class TermAutomaton
{
    readonly int[] _root = new int[char.MaxValue + 1];
    readonly long[] _edgeKeys;
    readonly int[] _edgeTargets;
    readonly int _edgeMask;
    readonly int[] _fail;
    readonly int[] _outputStart;
    readonly int[] _outputs;
    readonly int[] _termLengths;

    public int TermCount => _termLengths.Length;

    public int StateCount => _fail.Length;

    public TermAutomaton(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var builder = new TrieBuilder();
        _termLengths = new int[terms.Count];
        for (int i = 0; i < terms.Count; i++)
        {
            string term = terms[i];
            if (string.IsNullOrEmpty(term))
            {
                throw new ArgumentException($"Term {i} is empty.", nameof(terms));
            }

            _termLengths[i] = term.Length;
            builder.Add(term, i);
        }

        int stateCount = builder.Children.Count;
        int capacity = 1;
        while (capacity < Math.Max(2, stateCount * 2))
        {
            capacity <<= 1;
        }

        _edgeMask = capacity - 1;
        _edgeKeys = new long[capacity];
        Array.Fill(_edgeKeys, -1L);
        _edgeTargets = new int[capacity];
        foreach (var (c, child) in builder.Children[0])
        {
            _root[c] = child;
        }

        for (int state = 1; state < stateCount; state++)
        {
            foreach (var (c, child) in builder.Children[state])
            {
                AddEdge(state, c, child);
            }
        }

        _fail = new int[stateCount];
        var outputs = new List<int>[stateCount];
        var order = new List<int>(stateCount) { 0 };
        outputs[0] = builder.Terminal[0];
        for (int head = 0; head < order.Count; head++)
        {
            int state = order[head];
            foreach (var (c, child) in builder.Children[state])
            {
                _fail[child] = state == 0 ? 0 : Step(_fail[state], c);
                outputs[child] = [.. builder.Terminal[child], .. outputs[_fail[child]]];
                order.Add(child);
            }
        }

        _outputStart = new int[stateCount + 1];
        var flat = new List<int>();
        for (int state = 0; state < stateCount; state++)
        {
            _outputStart[state] = flat.Count;
            flat.AddRange(outputs[state]);
        }

        _outputStart[stateCount] = flat.Count;
        _outputs = [.. flat];
    }

    /// <summary>Appends every occurrence (overlapping ones included) to <paramref name="results"/>, in end-position order.</summary>
    public void Scan(ReadOnlySpan<char> text, List<TermMatch> results)
    {
        int state = 0;
        for (int i = 0; i < text.Length; i++)
        {
            state = Step(state, text[i]);
            int from = _outputStart[state];
            int to = _outputStart[state + 1];
            for (int k = from; k < to; k++)
            {
                int term = _outputs[k];
                int length = _termLengths[term];
                results.Add(new TermMatch(term, i - length + 1, length));
            }
        }
    }

    /// <summary>Number of occurrences, without collecting them.</summary>
    public int Count(ReadOnlySpan<char> text)
    {
        int state = 0;
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            state = Step(state, text[i]);
            count += _outputStart[state + 1] - _outputStart[state];
        }

        return count;
    }

    int Step(int state, char c)
    {
        while (state != 0)
        {
            int next = Edge(state, c);
            if (next > 0)
            {
                return next;
            }

            state = _fail[state];
        }

        return _root[c];
    }

    int Edge(int state, char c)
    {
        long key = ((long)state << 16) | c;
        int slot = Hash(key) & _edgeMask;
        while (true)
        {
            long found = _edgeKeys[slot];
            if (found == key)
            {
                return _edgeTargets[slot];
            }

            if (found == -1L)
            {
                return 0;
            }

            slot = (slot + 1) & _edgeMask;
        }
    }

    void AddEdge(int state, char c, int target)
    {
        long key = ((long)state << 16) | c;
        int slot = Hash(key) & _edgeMask;
        while (_edgeKeys[slot] != -1L)
        {
            slot = (slot + 1) & _edgeMask;
        }

        _edgeKeys[slot] = key;
        _edgeTargets[slot] = target;
    }

    static int Hash(long key)
    {
        ulong h = (ulong)key * 0x9E3779B97F4A7C15UL;
        return (int)(h >> 32);
    }
}
