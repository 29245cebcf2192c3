using Publishing.Assets;
using Publishing.Items;

namespace Publishing.Tests.Assets;

/// <summary>What 终审 approved includes the attachments: another file under the same name is another content hash.</summary>
public sealed class AttachmentHashTests
{
    static string HashWith(params VersionAttachment[] attachments)
    {
        var document = new VersionDocument("notice", "公示", new ItemMetadata("临沂市商务局"), ["website"], null, null, "editor1",
            new DateTimeOffset(2025, 6, 1, 8, 0, 0, TimeSpan.Zero), attachments.Length == 0 ? null : attachments);
        return ContentStore.ComputeContentHash("<p>正文</p>", document.ToJson());
    }

    static VersionAttachment Pdf(string sha256) => new("0123456789abcdef0123456789abcdef", "名单", "名单.pdf", "PDF", "application/pdf", 1000, sha256);

    [Fact]
    public void ContentHash_ChangesWhenAnAttachmentsBytesChange()
    {
        Assert.NotEqual(HashWith(Pdf(new string('a', 64))), HashWith(Pdf(new string('b', 64))));
        Assert.NotEqual(HashWith(), HashWith(Pdf(new string('a', 64))));
    }

    [Fact]
    public void VersionWithoutAttachments_SerializesAsBefore()
    {
        var document = new VersionDocument("news", "标题", new ItemMetadata(), ["website"], null, null, "editor1", DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain("attachments", document.ToJson());
    }
}
