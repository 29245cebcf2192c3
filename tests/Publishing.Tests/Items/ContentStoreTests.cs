using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using Publishing.Items;
using Publishing.Testing;

namespace Publishing.Tests.Items;

public class ContentStoreTests
{
    const string Original = "<p>关于印发《2026年政务公开工作要点》的通知</p><script>alert(1)</script>";
    const string Sanitized = "<p>关于印发《2026年政务公开工作要点》的通知</p>";
    const string Metadata = """{"publisher":"临沂市商务局","documentNumber":"临商务字〔2026〕12号"}""";

    readonly BlobServiceClient _blobs = new(TestStorage.ConnectionString);
    readonly string _containerName = TestStorage.UniqueName("items");
    readonly ContentStore _store;

    public ContentStoreTests()
    {
        _store = new ContentStore(_blobs, Options.Create(new ContentStoreOptions { ContainerName = _containerName }));
    }

    static string NewItemId() => "item-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task SaveThenGet_ReturnsTheSameContentAndHash()
    {
        string item = NewItemId();

        var saved = await _store.SaveVersionAsync(item, 1, Original, Sanitized, Metadata);
        var read = await _store.GetVersionAsync(item, 1);

        Assert.Equal(saved, read);
        Assert.Equal(Sanitized, read!.SanitizedHtml);
        Assert.Equal(Metadata, read.MetadataJson);
        Assert.Equal(Original, await _store.GetOriginalHtmlAsync(item, 1));
        // One hash over the whole version (body and metadata), lower-case hex.
        Assert.Equal(ContentStore.ComputeContentHash(Sanitized, Metadata), read.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", read.ContentHash);
    }

    [Fact]
    public async Task Save_StoresTheDocumentedBlobLayout()
    {
        string item = NewItemId();

        await _store.SaveVersionAsync(item, 3, Original, Sanitized, Metadata);

        var names = new List<string>();
        await foreach (var blob in _blobs.GetBlobContainerClient(_containerName).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = item + "/" }))
        {
            names.Add(blob.Name);
        }

        Assert.Equal([$"{item}/v3/metadata.json", $"{item}/v3/original.html", $"{item}/v3/sanitized.html"], names.Order());
    }

    [Fact]
    public async Task Get_MissingVersion_ReturnsNull()
    {
        string item = NewItemId();
        await _store.SaveVersionAsync(item, 1, Original, Sanitized, Metadata);

        Assert.Null(await _store.GetVersionAsync(item, 2));
        Assert.Null(await _store.GetVersionAsync(NewItemId(), 1));
    }

    [Fact]
    public async Task Save_SameContentAgain_IsAcceptedAsReplay()
    {
        string item = NewItemId();
        var first = await _store.SaveVersionAsync(item, 1, Original, Sanitized, Metadata);

        var again = await _store.SaveVersionAsync(item, 1, Original, Sanitized, Metadata);

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task Save_DifferentContentToExistingVersion_ThrowsAndKeepsTheStoredVersion()
    {
        string item = NewItemId();
        var stored = await _store.SaveVersionAsync(item, 1, Original, Sanitized, Metadata);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _store.SaveVersionAsync(item, 1, Original, "<p>改过的内容</p>", Metadata));

        Assert.Contains("never overwritten", error.Message, StringComparison.Ordinal);
        Assert.Equal(stored, await _store.GetVersionAsync(item, 1));
    }

    [Fact]
    public async Task Save_NewVersionBesideAnOldOne_KeepsBoth()
    {
        string item = NewItemId();
        await _store.SaveVersionAsync(item, 1, Original, Sanitized, Metadata);

        await _store.SaveVersionAsync(item, 2, Original, "<p>第二版</p>", Metadata);

        Assert.Equal(Sanitized, (await _store.GetVersionAsync(item, 1))!.SanitizedHtml);
        Assert.Equal("<p>第二版</p>", (await _store.GetVersionAsync(item, 2))!.SanitizedHtml);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    public async Task Save_ItemIdThatIsNotOnePathSegment_IsRejected(string itemId)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SaveVersionAsync(itemId, 1, Original, Sanitized, Metadata));
    }
}
