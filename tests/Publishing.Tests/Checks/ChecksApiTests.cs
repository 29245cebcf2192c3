using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Publishing.Checks;
using Publishing.Identity;

namespace Publishing.Tests.Checks;

public class ChecksApiTests
{
    sealed class FixedUser(CurrentUser? user) : ICurrentUserResolver
    {
        public CurrentUser? Resolve(HttpContext context) => user;
    }

    static Task<(int Status, JsonElement Body)> Post(string body, params string[] roles) =>
        Post(new MemoryStream(Encoding.UTF8.GetBytes(body)), null, roles);

    static async Task<(int Status, JsonElement Body)> Post(Stream body, long? contentLength, params string[] roles)
    {
        var user = roles.Length == 0 ? null : new CurrentUser("u1", "王编辑", roles.ToHashSet());
        var services = new ServiceCollection()
            .AddSingleton<ICurrentUserResolver>(new FixedUser(user))
            .AddSingleton(CheckRunner.Pipeline)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.Body = body;
        context.Request.ContentLength = contentLength;
        context.Response.Body = new MemoryStream();

        var result = await ChecksApi.RunChecks(context, CancellationToken.None);
        await result.ExecuteAsync(context);

        context.Response.Body.Position = 0;
        string text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (context.Response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task RunChecks_Draft_ReturnsFindingsAndTheHtmlASubmissionWouldStore()
    {
        string body = """{"title":"通知","bodyHtml":"<p onclick=\"x()\">手机13800138000</p><script>alert(1)</script>","metadata":{"disclosureMode":"主动公开"}}""";

        var (status, json) = await Post(body, Roles.Editor);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("<p>手机13800138000</p>", json.GetProperty("sanitizedHtml").GetString());
        var finding = json.GetProperty("findings").EnumerateArray().Single();
        Assert.Equal(("confidentiality", "block", "138****8000", "138****8000"),
            (finding.GetProperty("aspect").GetString(), finding.GetProperty("severity").GetString(), finding.GetProperty("excerpt").GetString(),
             finding.GetProperty("suggestion").GetString()));
        Assert.Equal(3 + 2, finding.GetProperty("start").GetInt32());
        Assert.Equal(5, finding.GetProperty("htmlStart").GetInt32());
        // The grouped shape the desk reads: id, count, every occurrence with its position and the one-click fix.
        Assert.StartsWith("confidentiality.personal-data.mobile#", finding.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, finding.GetProperty("count").GetInt32());
        var occurrence = finding.GetProperty("occurrences").EnumerateArray().Single();
        Assert.Equal((5, 11, "138****8000", 5, "138****8000"),
            (occurrence.GetProperty("start").GetInt32(), occurrence.GetProperty("length").GetInt32(), occurrence.GetProperty("excerpt").GetString(),
             occurrence.GetProperty("htmlStart").GetInt32(), occurrence.GetProperty("replacement").GetString()));
        Assert.Equal("138****8000", finding.GetProperty("replacement").GetString());
    }

    [Theory]
    [InlineData("{\"title\":\"通知\",\"bodyHtml\":")] // truncated JSON
    [InlineData("not json")]
    [InlineData("{\"title\":1}")] // wrong type
    public async Task RunChecks_MalformedJson_Is400WithChineseDetail(string body)
    {
        var (status, json) = await Post(body, Roles.Editor);

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Contains("JSON", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunChecks_MissingTitleAndUnknownKind_Is400PerField()
    {
        var (status, json) = await Post("""{"bodyHtml":"<p>正文</p>","kind":"memo"}""", Roles.Editor);

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        var errors = json.GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        Assert.True(errors.TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task RunChecks_ReviewerWithoutEditorRole_Is403()
    {
        var (status, _) = await Post("""{"title":"通知","bodyHtml":"<p>正文</p>"}""", Roles.InitialReviewer);

        Assert.Equal(StatusCodes.Status403Forbidden, status);
    }

    [Fact]
    public async Task RunChecks_Anonymous_Is401()
    {
        var (status, _) = await Post("""{"title":"通知","bodyHtml":"<p>正文</p>"}""");

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
    }

    /// <summary>An endless body that counts what the handler read.</summary>
    sealed class EndlessBody : Stream
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'a', offset, count);
            BytesRead += count;
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task RunChecks_BodyWithoutLengthBeyondTheLimit_Is413_AndReadingStopsAtTheLimit()
    {
        var body = new EndlessBody();

        var (status, json) = await Post(body, null, Roles.Editor);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, status);
        Assert.Contains("超过上限", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.InRange(body.BytesRead, ChecksApi.MaxRequestBytes, ChecksApi.MaxRequestBytes + 64 * 1024);
    }

    [Fact]
    public async Task RunChecks_DeclaredLengthBeyondTheLimit_Is413_WithoutReading()
    {
        var body = new EndlessBody();

        var (status, _) = await Post(body, ChecksApi.MaxRequestBytes + 1, Roles.Editor);

        Assert.Equal((StatusCodes.Status413PayloadTooLarge, 0L), (status, body.BytesRead));
    }

    [Theory]
    // DOMPurify namespace-confusion vector: was HTTP 500 (an image position past the end of the text).
    [InlineData("{\"title\":\"通知\",\"bodyHtml\":\"<math></br><textarea><mtext><template><style></textarea><img src=x onerror=alert(1)>\"}", 200)]
    // Image after the last paragraph: the same crash from ImageAltCheck.
    [InlineData("{\"title\":\"通知\",\"bodyHtml\":\"<p>正文</p><p><img src=\\\"https://a.example/1.png\\\"></p>\"}", 200)]
    // NUL and U+FFFF in the JSON strings are checked; an escaped lone surrogate is not text: 400.
    [InlineData("{\"title\":\"通\\u0000知\",\"bodyHtml\":\"<p>\\uFFFF\\u0000正文</p>\"}", 200)]
    [InlineData("{\"title\":\"\\uD800通知\",\"bodyHtml\":\"<p>\\uDC00正文</p>\"}", 400)]
    // Wrong JSON types and nesting.
    [InlineData("{\"title\":\"通知\",\"bodyHtml\":[1,2]}", 400)]
    [InlineData("{\"title\":\"通知\",\"bodyHtml\":\"<p>x</p>\",\"metadata\":\"主动公开\"}", 400)]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", 400)]
    [InlineData("null", 400)]
    [InlineData("", 400)]
    public async Task RunChecks_HostileBody_NeverAnswers5xx(string body, int expected)
    {
        var (status, json) = await Post(body, Roles.Editor);

        Assert.Equal(expected, status);
        if (status == 400)
        {
            Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("detail").GetString()));
        }
    }

    [Fact]
    public async Task RunChecks_InvalidUtf8_Is400WithChineseDetail()
    {
        byte[] prefix = Encoding.UTF8.GetBytes("{\"title\":\"通知\",\"bodyHtml\":\"<p>");
        byte[] suffix = Encoding.UTF8.GetBytes("</p>\"}");
        var (status, json) = await Post(new MemoryStream([.. prefix, 0xFF, 0xC3, 0x28, .. suffix]), null, Roles.Editor);

        Assert.True(status is 200 or 400, $"status {status}");
        if (status == 400)
        {
            Assert.Contains("JSON", json.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}
