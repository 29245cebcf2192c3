namespace Publishing.Tests.Channels.Website;

/// <summary>What a visitor must find on a consistent site: each live item once everywhere, nothing retracted, no dead link.</summary>
internal static class SiteAssert
{
    /// <param name="live">Published items and the category code each is listed under.</param>
    public static void Consistent(SiteSnapshot snapshot, SiteHarness harness, IReadOnlyDictionary<string, string> live, IEnumerable<string> retracted)
    {
        Assert.Empty(snapshot.BrokenLinks());

        var home = snapshot.Archive("");
        OnceEach(live.Keys, home, "home archive pages");
        OnceEach(live.Keys, snapshot.Sitemap(), "sitemap");
        Assert.Equal(Newest(home, harness.Site.PageSize), snapshot.Front(""));
        Assert.Equal(Newest(home, harness.Site.FeedSize), snapshot.Feed());

        foreach (var category in live.GroupBy(e => e.Value))
        {
            string folder = "lists/" + category.Key;
            var archive = snapshot.Archive(folder);
            OnceEach(category.Select(e => e.Key), archive, folder + " archive pages");
            Assert.Equal(Newest(archive, harness.Site.PageSize), snapshot.Front(folder));
        }

        foreach (string id in live.Keys)
        {
            Assert.True(snapshot.Has($"articles/{id}.html"), $"page of published item {id} is missing");
        }

        foreach (string id in retracted)
        {
            Assert.False(snapshot.Has($"articles/{id}.html"), $"page of retracted item {id} is still online");
            Assert.DoesNotContain(snapshot.Paths.Where(p => p.EndsWith(".html", StringComparison.Ordinal) || p.EndsWith(".xml", StringComparison.Ordinal)),
                p => snapshot.Text(p).Contains(id, StringComparison.Ordinal));
        }
    }

    /// <summary>The list's newest <paramref name="count"/> ids, newest first, from its archive (oldest first).</summary>
    static List<string> Newest(List<string> oldestFirst, int count) =>
        oldestFirst.AsEnumerable().Reverse().Take(count).ToList();

    static void OnceEach(IEnumerable<string> expected, List<string> actual, string where)
    {
        var duplicates = actual.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"listed more than once on the {where}: {string.Join(", ", duplicates)}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }
}
