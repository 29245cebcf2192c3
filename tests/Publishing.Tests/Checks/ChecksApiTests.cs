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

    static async Task<(int Status, JsonElement Body)> Post(string body, params string[] roles)
    {
        var user = roles.Length == 0 ? null : new CurrentUser("u1", "王编辑", roles.ToHashSet());
        var services = new ServiceCollection()
            .AddSingleton<ICurrentUserResolver>(new FixedUser(user))
            .AddSingleton(CheckRunner.Pipeline)
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
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
        string body = """{"title":"通知","bodyHtml":"<p onclick=\"x()\">联系电话13800138000</p><script>alert(1)</script>","metadata":{"disclosureMode":"主动公开"}}""";

        var (status, json) = await Post(body, Roles.Editor);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.Equal("<p>联系电话13800138000</p>", json.GetProperty("sanitizedHtml").GetString());
        var finding = json.GetProperty("findings").EnumerateArray().Single();
        Assert.Equal(("confidentiality", "block", "138****8000", "138****8000"),
            (finding.GetProperty("aspect").GetString(), finding.GetProperty("severity").GetString(), finding.GetProperty("excerpt").GetString(),
             finding.GetProperty("suggestion").GetString()));
        Assert.Equal(3 + 4, finding.GetProperty("start").GetInt32());
        Assert.Equal(7, finding.GetProperty("htmlStart").GetInt32());
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
}
