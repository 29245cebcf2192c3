namespace Publishing.Checks.Detectors;

/// <summary>The lines of a text, found in one pass, so per-match line questions cost a binary search, not a rescan.</summary>
sealed class LineIndex
{
    readonly List<int> _starts = [0];
    readonly List<int> _firstVisible = [];
    readonly List<int> _lastVisible = [];

    public LineIndex(string text)
    {
        int first = -1;
        int last = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                _firstVisible.Add(first);
                _lastVisible.Add(last);
                first = -1;
                last = -1;
                if (i < text.Length)
                {
                    _starts.Add(i + 1);
                }

                continue;
            }

            if (!char.IsWhiteSpace(text[i]))
            {
                if (first < 0)
                {
                    first = i;
                }

                last = i;
            }
        }
    }

    /// <summary>The line holding <paramref name="position"/>.</summary>
    public int LineOf(int position)
    {
        int index = _starts.BinarySearch(position);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>First non-whitespace position of the line, or -1 for a blank line.</summary>
    public int FirstVisible(int line) => _firstVisible[line];

    /// <summary>Last non-whitespace position of the line, or -1 for a blank line.</summary>
    public int LastVisible(int line) => _lastVisible[line];
}
