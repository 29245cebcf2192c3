using DiffPlex;
using DiffPlex.Chunkers;

namespace Publishing.Diff;

/// <summary>One run of the diff: unchanged, inserted or deleted text.</summary>
public sealed record DiffSegment(string Kind, string Text);

public static class DiffKinds
{
    public const string Equal = "equal";
    public const string Inserted = "inserted";
    public const string Deleted = "deleted";
}

/// <summary>
/// Word-level, Chinese-aware diff of two texts (paragraphs separated by '\n'), on DiffPlex. Paragraphs are matched
/// first (line endings kept, so the segments rebuild both texts exactly); only changed paragraphs are compared unit by unit (<see cref="ChineseWordChunker"/>), so the cost stays
/// proportional to what changed, not to the square of a long document.
/// </summary>
public static class TextDiff
{
    /// <summary>Above this many units in one changed block, show it as replaced instead of comparing it unit by unit.</summary>
    public const int MaxUnitsPerBlock = 20_000;

    public static IReadOnlyList<DiffSegment> Compute(string oldText, string newText)
    {
        var segments = new List<DiffSegment>();
        var lines = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, LineEndingsPreservingChunker.Instance);
        var oldLines = lines.PiecesOld;
        var newLines = lines.PiecesNew;
        int a = 0;
        foreach (var block in lines.DiffBlocks)
        {
            for (; a < block.DeleteStartA; a++)
            {
                Add(segments, DiffKinds.Equal, oldLines[a]);
            }

            string deleted = Concat(oldLines, block.DeleteStartA, block.DeleteCountA);
            string inserted = Concat(newLines, block.InsertStartB, block.InsertCountB);
            CompareUnits(segments, deleted, inserted);
            a = block.DeleteStartA + block.DeleteCountA;
        }

        for (; a < oldLines.Count; a++)
        {
            Add(segments, DiffKinds.Equal, oldLines[a]);
        }

        return segments;
    }

    static void CompareUnits(List<DiffSegment> segments, string deleted, string inserted)
    {
        if (deleted.Length == 0 || inserted.Length == 0 || deleted.Length + inserted.Length > MaxUnitsPerBlock)
        {
            Add(segments, DiffKinds.Deleted, deleted);
            Add(segments, DiffKinds.Inserted, inserted);
            return;
        }

        var units = Differ.Instance.CreateDiffs(deleted, inserted, ignoreWhiteSpace: false, ignoreCase: false, ChineseWordChunker.Instance);
        int a = 0;
        foreach (var block in units.DiffBlocks)
        {
            Add(segments, DiffKinds.Equal, Concat(units.PiecesOld, a, block.DeleteStartA - a));
            Add(segments, DiffKinds.Deleted, Concat(units.PiecesOld, block.DeleteStartA, block.DeleteCountA));
            Add(segments, DiffKinds.Inserted, Concat(units.PiecesNew, block.InsertStartB, block.InsertCountB));
            a = block.DeleteStartA + block.DeleteCountA;
        }

        Add(segments, DiffKinds.Equal, Concat(units.PiecesOld, a, units.PiecesOld.Count - a));
    }

    static string Concat(IReadOnlyList<string> pieces, int start, int count) =>
        count <= 0 ? "" : string.Concat(Enumerable.Range(start, count).Select(i => pieces[i]));

    static void Add(List<DiffSegment> segments, string kind, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (segments.Count > 0 && segments[^1].Kind == kind)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
            return;
        }

        segments.Add(new DiffSegment(kind, text));
    }
}
