using Publishing.Items;

namespace Publishing.Tests.Items;

/// <summary>Approval freezes the content hash: it must change when anything that gets published changes.</summary>
public class ContentHashTests
{
    const string Html = "<p>关于印发2026年政务公开工作要点的通知</p>";
    const string Metadata = """{"title":"关于印发2026年政务公开工作要点的通知","documentNumber":"临政办字〔2026〕3号","channels":["website"]}""";

    [Theory]
    [InlineData(Html + " ", Metadata)]                                                     // the body
    [InlineData(Html, """{"title":"关于印发2026年政务公开工作要点的通知","documentNumber":"临政办字〔2026〕4号","channels":["website"]}""")] // 文号 in metadata
    [InlineData(Html, """{"title":"关于印发2026年政务公开工作要点的通知","documentNumber":"临政办字〔2026〕3号","channels":["website","weibo"]}""")] // channels
    [InlineData(Html + "{", "\"title\":\"关于印发2026年政务公开工作要点的通知\",\"documentNumber\":\"临政办字〔2026〕3号\",\"channels\":[\"website\"]}")] // a byte moved from metadata to body
    public void AnyChangeToBodyOrMetadata_ChangesTheHash(string html, string metadata)
    {
        Assert.NotEqual(ContentStore.ComputeContentHash(Html, Metadata), ContentStore.ComputeContentHash(html, metadata));
    }

    [Fact]
    public void SameVersion_SameHash() =>
        Assert.Equal(ContentStore.ComputeContentHash(Html, Metadata), ContentStore.ComputeContentHash(Html, Metadata));
}
