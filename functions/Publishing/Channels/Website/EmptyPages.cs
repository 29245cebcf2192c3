using System.Globalization;
using System.Text;

namespace Publishing.Channels.Website;

/// <summary>
/// The archive pages of a list whose entries were all retracted, as ranges ("3-5,9"), kept in the list's counter.
/// Positions are never reused, so a page once empty stays empty; the newest entries are found by reading only
/// pages not in here, each of which holds at least one entry, so that search reads at most as many pages as it
/// needs entries, however many were retracted.
/// </summary>
public static class EmptyPages
{
    public static bool Contains(string ranges, long page) => Parse(ranges).Any(r => r.From <= page && page <= r.To);

    /// <summary>Up to <paramref name="count"/> pages not known to be empty, from <paramref name="newest"/> down to page 1.</summary>
    public static List<long> NewestNotEmpty(string ranges, long newest, int count)
    {
        var empty = Parse(ranges);
        var result = new List<long>(count);
        int next = empty.Count - 1;
        for (long page = newest; page >= 1 && result.Count < count; page--)
        {
            while (next >= 0 && empty[next].From > page)
            {
                next--;
            }

            if (next >= 0 && empty[next].To >= page)
            {
                page = empty[next].From;
                continue;
            }

            result.Add(page);
        }

        return result;
    }

    public static string Add(string ranges, long page)
    {
        var all = Parse(ranges);
        if (all.Any(r => r.From <= page && page <= r.To))
        {
            return ranges;
        }

        all.Add((page, page));
        all.Sort();
        var merged = new List<(long From, long To)>();
        foreach (var range in all)
        {
            if (merged.Count > 0 && merged[^1].To + 1 >= range.From)
            {
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, range.To));
            }
            else
            {
                merged.Add(range);
            }
        }

        var text = new StringBuilder();
        foreach (var (from, to) in merged)
        {
            text.Append(text.Length == 0 ? "" : ",").Append(from.ToString(CultureInfo.InvariantCulture));
            if (to != from)
            {
                text.Append('-').Append(to.ToString(CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    static List<(long From, long To)> Parse(string ranges) =>
        ranges.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(r => r.Split('-'))
            .Select(p => (long.Parse(p[0], CultureInfo.InvariantCulture), long.Parse(p[^1], CultureInfo.InvariantCulture)))
            .ToList();
}
