using System.Security.Cryptography;
using System.Text.Json;
using Publishing.Assets;

namespace Publishing.Tests.Assets;

/// <summary>
/// POST /api/assets with real files built in the test: the type comes from the bytes, limits answer 413, the text of
/// PDF/DOCX/XLSX is checked like a body and each finding says where it is.
/// </summary>
public sealed class AssetUploadTests
{
    readonly AssetsApiHarness api = new();

    static IEnumerable<JsonElement> Findings(AssetsApiHarness.Response response, string ruleIdPrefix) =>
        response.Json.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString()!.StartsWith(ruleIdPrefix, StringComparison.Ordinal));

    [Fact]
    public async Task Upload_PdfWithAnIdNumberOnPage2_BlockFindingOnPage2WithTheMaskedNumber()
    {
        byte[] pdf = TestDocuments.PdfWithIdNumberOnPage2();

        var response = await api.UploadAsync("补贴名单.pdf", pdf);

        Assert.Equal(201, response.Status);
        var json = response.Json;
        Assert.Equal("补贴名单.pdf", json.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", json.GetProperty("contentType").GetString());
        Assert.Equal(pdf.Length, json.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), json.GetProperty("sha256").GetString());
        Assert.Equal(2, json.GetProperty("text").GetProperty("pages").GetInt32());
        Assert.True(json.GetProperty("text").GetProperty("chars").GetInt32() > 20);
        var finding = Assert.Single(Findings(response, "confidentiality.personal-data.id-card"));
        Assert.Equal("block", finding.GetProperty("severity").GetString());
        Assert.Equal("110105********002X", finding.GetProperty("suggestion").GetString());
        Assert.DoesNotContain(TestDocuments.IdNumber, finding.GetRawText());
        var source = finding.GetProperty("source");
        Assert.Equal(2, source.GetProperty("page").GetInt32());
        Assert.Equal(json.GetProperty("id").GetString(), source.GetProperty("assetId").GetString());
        Assert.Equal("补贴名单.pdf", source.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Upload_DocxWithSecretStampInATable_BlockFindingNamesTheParagraph()
    {
        var response = await api.UploadAsync("通知.docx", TestDocuments.DocxWithSecretStampInTable());

        Assert.Equal(201, response.Status);
        var stamp = Findings(response, "confidentiality.").First(f => f.GetProperty("excerpt").GetString()!.Contains("秘密★", StringComparison.Ordinal));
        Assert.Equal("block", stamp.GetProperty("severity").GetString());
        Assert.Equal(3, stamp.GetProperty("source").GetProperty("paragraph").GetInt32());
        Assert.Equal(JsonValueKind.Null, stamp.GetProperty("source").GetProperty("page").ValueKind);
    }

    [Fact]
    public async Task Upload_DocxWithASecretMarkInThePageHeader_IsBlocked_AndTheSourceSaysHeader()
    {
        var response = await api.UploadAsync("统计通知.docx", TestDocuments.DocxWithSecretMarkInHeader());

        Assert.Equal(201, response.Status);
        var mark = Findings(response, "confidentiality.").First(f => f.GetProperty("excerpt").GetString()!.Contains("机密★", StringComparison.Ordinal));
        Assert.Equal("block", mark.GetProperty("severity").GetString());
        Assert.Equal("页眉", mark.GetProperty("source").GetProperty("part").GetString());
        Assert.Equal(1, mark.GetProperty("source").GetProperty("paragraph").GetInt32());
    }

    [Fact]
    public async Task Upload_XlsxWithMobilesInAColumn_OneBlockFindingWithAMaskedOccurrencePerCell()
    {
        var response = await api.UploadAsync("名单.xlsx", TestDocuments.XlsxWithMobilesInColumnB());

        Assert.Equal(201, response.Status);
        var mobile = Assert.Single(Findings(response, "confidentiality.personal-data.mobile"));
        Assert.Equal("block", mobile.GetProperty("severity").GetString());
        Assert.Equal(2, mobile.GetProperty("count").GetInt32());
        var occurrences = mobile.GetProperty("occurrences").EnumerateArray().ToList();
        Assert.Equal(["B2", "B3"], occurrences.Select(o => o.GetProperty("source").GetProperty("cell").GetString()));
        Assert.All(occurrences, o => Assert.Equal("名单", o.GetProperty("source").GetProperty("sheet").GetString()));
        Assert.Equal(["138****8000", "139****5678"], occurrences.Select(o => o.GetProperty("excerpt").GetString()));
        Assert.Equal("138****8000", mobile.GetProperty("suggestion").GetString());
        Assert.DoesNotContain(TestDocuments.Mobile, response.Json.GetRawText());
    }

    [Fact]
    public async Task Upload_ScannedPdfWithoutText_WarnsThatAPersonMustLook()
    {
        var response = await api.UploadAsync("扫描件.pdf", TestDocuments.ScannedPdf());

        Assert.Equal(201, response.Status);
        Assert.Equal(0, response.Json.GetProperty("text").GetProperty("chars").GetInt32());
        var warning = Assert.Single(Findings(response, AttachmentChecker.NoTextLayerRuleId));
        Assert.Equal("warn", warning.GetProperty("severity").GetString());
        Assert.Contains("人工审看", warning.GetProperty("message").GetString());
        Assert.Equal(1, warning.GetProperty("source").GetProperty("page").GetInt32());
    }

    [Fact]
    public async Task Upload_CleanImage_HasNoFindingsAndDownloadsByteForByte()
    {
        byte[] png = TestDocuments.Png(64, 48);

        var uploaded = await api.UploadAsync("现场.png", png);
        var download = await api.DownloadAsync(uploaded.Json.GetProperty("id").GetString()!);

        Assert.Equal(201, uploaded.Status);
        Assert.Empty(uploaded.Json.GetProperty("findings").EnumerateArray());
        Assert.Equal(200, download.Status);
        Assert.Equal(png, download.Body);
        Assert.Equal("image/png", download.Headers.ContentType.ToString());
        Assert.Equal("nosniff", download.Headers.XContentTypeOptions.ToString());
        Assert.Equal(uploaded.Json.GetProperty("url").GetString(), AssetsApi.ContentUrl(uploaded.Json.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task Download_Attachment_IsServedAsAFileWithTheUploadedSha256()
    {
        byte[] docx = TestDocuments.DocxWithSecretStampInTable();
        var uploaded = await api.UploadAsync("通知.docx", docx);

        var download = await api.DownloadAsync(uploaded.Json.GetProperty("id").GetString()!);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(docx)), Convert.ToHexStringLower(SHA256.HashData(download.Body)));
        Assert.StartsWith("attachment", download.Headers.ContentDisposition.ToString());
    }

    [Fact]
    public async Task SameBytesTwice_TwoAssetsSharingOneStoredContent()
    {
        byte[] pdf = TestDocuments.PdfWithIdNumberOnPage2();

        var first = await api.UploadAsync("a.pdf", pdf);
        var second = await api.UploadAsync("b.pdf", pdf);

        Assert.NotEqual(first.Json.GetProperty("id").GetString(), second.Json.GetProperty("id").GetString());
        Assert.Equal(first.Json.GetProperty("sha256").GetString(), second.Json.GetProperty("sha256").GetString());
        Assert.Equal("b.pdf", (await api.GetAsync(second.Json.GetProperty("id").GetString()!)).Json.GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task SameUploadRetried_IsTheSameAsset()
    {
        byte[] png = TestDocuments.Png(16, 16);

        var first = await api.UploadAsync("现场.png", png);
        var retry = await api.UploadAsync("现场.png", png);

        Assert.Equal(201, retry.Status);
        Assert.Equal(first.Json.GetProperty("id").GetString(), retry.Json.GetProperty("id").GetString());
        Assert.Equal(first.Json.GetProperty("uploadedAt").GetString(), retry.Json.GetProperty("uploadedAt").GetString());
    }

    // Threat: an executable or a disguised file published as a download on a government site.
    [Theory]
    [InlineData("名单.pdf", "exe", "内容不是可接受的文件格式")]
    [InlineData("名单.doc", "ole", "另存为")]
    [InlineData("名单.xls", "ole", "XLSX")]
    [InlineData("名单.wps", "ole", "WPS")]
    [InlineData("名单.xlsx", "docx", "扩展名与文件内容不符")]
    [InlineData("现场.jpg", "png", "扩展名与文件内容不符")]
    [InlineData("名单.zip", "docx", "扩展名与文件内容不符")]
    public async Task Upload_WrongOrDisguisedType_Is400WithAChineseReason(string fileName, string content, string reason)
    {
        byte[] bytes = content switch
        {
            "exe" => TestDocuments.Executable(),
            "ole" => TestDocuments.LegacyOffice(),
            "docx" => TestDocuments.DocxWithSecretStampInTable(),
            _ => TestDocuments.Png(8, 8),
        };

        var response = await api.UploadAsync(fileName, bytes);

        Assert.Equal(400, response.Status);
        Assert.Contains(reason, response.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_ZipThatIsNotOffice_Is400()
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("hello");
        }

        var response = await api.UploadAsync("名单.docx", buffer.ToArray());

        Assert.Equal(400, response.Status);
    }

    [Fact]
    public async Task Upload_DamagedPdf_Is400NotA500()
    {
        byte[] damaged = [.. "%PDF-1.7\n"u8.ToArray(), .. Enumerable.Repeat((byte)0x5A, 2000)];

        var response = await api.UploadAsync("名单.pdf", damaged);

        Assert.Equal(400, response.Status);
        Assert.Contains("PDF", response.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_OverTheAttachmentLimit_Is413AndNothingIsStored()
    {
        var small = new AssetsApiHarness(o => o.MaxAttachmentBytes = 1024);
        byte[] pdf = TestDocuments.PdfWithIdNumberOnPage2();
        Assert.True(pdf.Length > 1024);

        var response = await small.UploadAsync("名单.pdf", pdf);

        Assert.Equal(413, response.Status);
        Assert.Contains("超过附件上限", response.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Upload_ImageOverTheImageLimit_Is413WhileTheSameSizeOfPdfIsFine()
    {
        byte[] png = TestDocuments.NoisyPng(64, 64);
        var limits = new AssetsApiHarness(o => o.MaxImageBytes = png.Length - 1);

        var image = await limits.UploadAsync("现场.png", png);
        var pdf = await limits.UploadAsync("名单.pdf", TestDocuments.PdfWithIdNumberOnPage2());

        Assert.Equal(413, image.Status);
        Assert.Contains("图片上限", image.Json.GetProperty("detail").GetString());
        Assert.Equal(201, pdf.Status);
    }

    [Fact]
    public async Task Upload_RequestBodyOverTheLargestLimit_Is413BeforeReading()
    {
        var small = new AssetsApiHarness(o => { o.MaxAttachmentBytes = 1024; o.MaxImageBytes = 1024; });

        var response = await small.UploadAsync("名单.pdf", new byte[200_000]);

        Assert.Equal(413, response.Status);
    }

    [Fact]
    public async Task Upload_ByAReviewer_Is403_AndWithoutIdentity_401()
    {
        byte[] png = TestDocuments.Png(8, 8);

        Assert.Equal(403, (await api.UploadAsync("a.png", png, AssetsApiHarness.Reviewer)).Status);
        Assert.Equal(401, (await api.UploadAsync("a.png", png, anonymous: true)).Status);
    }

    [Theory]
    [InlineData("../../records/x")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    public async Task Get_UnknownOrMalformedId_Is404(string id)
    {
        Assert.Equal(404, (await api.GetAsync(id)).Status);
        Assert.Equal(404, (await api.DownloadAsync(id)).Status);
    }
}
