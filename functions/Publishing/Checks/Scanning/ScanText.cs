namespace Publishing.Checks.Scanning;

/// <summary>
/// A text as the checks scan it (<see cref="TextNormalizer"/>), with every scanned character's range in the
/// original text, so a finding located in the scan is reported where the reader sees it.
/// </summary>
public sealed class ScanText
{
    readonly int[] _sourceStarts;
    readonly int[] _sourceEnds;

    ScanText(string source, string text, int[] sourceStarts, int[] sourceEnds)
    {
        Source = source;
        Text = text;
        _sourceStarts = sourceStarts;
        _sourceEnds = sourceEnds;
    }

    /// <summary>The original text.</summary>
    public string Source { get; }

    /// <summary>The normalised text the checks read.</summary>
    public string Text { get; }

    /// <summary>Normalises <paramref name="source"/> in one pass.</summary>
    public static ScanText Of(string source)
    {
        var text = new System.Text.StringBuilder(source.Length);
        var starts = new List<int>(source.Length);
        var ends = new List<int>(source.Length);
        for (int i = 0; i < source.Length;)
        {
            string? mapped = TextNormalizer.Map(source, i, out int consumed);
            if (mapped is null)
            {
                text.Append(source, i, consumed);
                for (int k = 0; k < consumed; k++)
                {
                    starts.Add(i);
                    ends.Add(i + consumed);
                }
            }
            else
            {
                foreach (char c in mapped)
                {
                    text.Append(c);
                    starts.Add(i);
                    ends.Add(i + consumed);
                }
            }

            i += consumed;
        }

        return new ScanText(source, text.ToString(), [.. starts], [.. ends]);
    }

    /// <summary>
    /// The original range of scan range [start, start+length): from the first scanned character's source to the
    /// last one's, so hidden characters inside a match are part of what the reader is shown.
    /// </summary>
    public (int Start, int Length) ToSource(int start, int length)
    {
        start = Math.Clamp(start, 0, Text.Length);
        int end = Math.Clamp(start + Math.Max(0, length), start, Text.Length);
        int sourceStart = start < Text.Length ? _sourceStarts[start] : Source.Length;
        if (end == start)
        {
            return (sourceStart, 0);
        }

        return (sourceStart, _sourceEnds[end - 1] - sourceStart);
    }

    /// <summary>The scan position of the first scanned character that comes from at or after source position <paramref name="sourcePosition"/>.</summary>
    public int FromSource(int sourcePosition)
    {
        int lo = 0;
        int hi = _sourceStarts.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_sourceStarts[mid] < sourcePosition)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
