using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Publishing.Identity;

namespace Publishing.Tests.Identity;

/// <summary>Per-user limits as every handler meets them, through <see cref="ApiAccess.TryAuthorize"/>.</summary>
public sealed class UserRateLimiterTests : IDisposable
{
    static readonly CurrentUser Editor1 = new("editor1", "王编辑", new HashSet<string> { Roles.Editor });
    static readonly CurrentUser Editor2 = new("editor2", "李编辑", new HashSet<string> { Roles.Editor });

    readonly ServiceProvider _services;
    CurrentUser? _caller = Editor1;

    public UserRateLimiterTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IOptions<RateLimitOptions>>(Options.Create(new RateLimitOptions
        {
            Checks = new RateLimit { PermitLimit = 3, Window = TimeSpan.FromHours(1) },
            Mutations = new RateLimit { PermitLimit = 2, Window = TimeSpan.FromMinutes(10) },
        }));
        services.AddSingleton<UserRateLimiter>();
        services.AddSingleton<ICurrentUserResolver>(new FixedUser(() => _caller));
        services.AddLogging();
        services.AddProblemDetails();
        _services = services.BuildServiceProvider();
    }

    sealed class FixedUser(Func<CurrentUser?> user) : ICurrentUserResolver
    {
        public CurrentUser? Resolve(HttpContext context) => user();
    }

    HttpContext Request(string method, string path) => new DefaultHttpContext
    {
        RequestServices = _services,
        // As the desk sends them: JSON (the cross-site guard refuses other mutating requests before any budget is used).
        Request = { Method = method, Path = path, ContentType = "application/json" },
        Response = { Body = new MemoryStream() },
    };

    IResult? Send(string method, string path, CurrentUser? caller = null)
    {
        _caller = caller ?? Editor1;
        return ApiAccess.TryAuthorize(Request(method, path), Roles.All, out _, out var denial) ? null : denial;
    }

    [Fact]
    public async Task Checks_BeyondTheLimit_Are429WithRetryAfterAndAChineseProblem()
    {
        for (int i = 0; i < 3; i++)
        {
            Assert.Null(Send("POST", "/api/checks"));
        }

        var denied = Send("POST", "/api/checks");

        Assert.Equal(StatusCodes.Status429TooManyRequests, Assert.IsAssignableFrom<IStatusCodeHttpResult>(denied).StatusCode);
        var context = Request("POST", "/api/checks");
        await denied!.ExecuteAsync(context);
        Assert.Equal(429, context.Response.StatusCode);
        Assert.Equal("1200", context.Response.Headers.RetryAfter.ToString()); // one of 3 permits per hour comes back every 20 min
        context.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(context.Response.Body);
        string detail = problem.RootElement.GetProperty("detail").GetString()!;
        Assert.Contains("预检查过于频繁", detail);
        Assert.Contains("1 小时最多 3 次", detail);
        Assert.Contains("1200 秒后重试", detail);
    }

    [Theory]
    [InlineData("POST", "/api/items")]
    [InlineData("PUT", "/api/items/0123456789abcdef0123456789abcdef")]
    [InlineData("POST", "/api/items/0123456789abcdef0123456789abcdef/reviews")]
    [InlineData("POST", "/api/items/0123456789abcdef0123456789abcdef/retract")]
    [InlineData("DELETE", "/api/items/0123456789abcdef0123456789abcdef")]
    public void MutatingRoutes_ShareOneLimitPerUser(string method, string path)
    {
        Assert.Null(Send("POST", "/api/items"));
        Assert.Null(Send("POST", "/api/items/x/withdraw"));

        Assert.IsAssignableFrom<IStatusCodeHttpResult>(Send(method, path));
    }

    [Fact]
    public void Reads_AreNotLimited()
    {
        for (int i = 0; i < 50; i++)
        {
            Assert.Null(Send("GET", "/api/items"));
        }
    }

    [Fact]
    public void OneUsersFlood_LeavesOthersAlone()
    {
        Send("POST", "/api/items");
        Send("POST", "/api/items");
        Assert.NotNull(Send("POST", "/api/items"));

        Assert.Null(Send("POST", "/api/items", Editor2));
    }

    [Fact]
    public void ChecksAndMutations_HaveSeparateBudgets()
    {
        Send("POST", "/api/items");
        Send("POST", "/api/items");
        Assert.NotNull(Send("POST", "/api/items"));

        Assert.Null(Send("POST", "/api/checks"));
    }

    [Fact]
    public void AskedTwiceForOneRequest_CountsOnce()
    {
        var context = Request("POST", "/api/items");
        Assert.True(ApiAccess.TryAuthorize(context, Roles.All, out _, out _));
        Assert.True(ApiAccess.TryAuthorize(context, Roles.All, out _, out _));

        Assert.Null(Send("POST", "/api/items"));
    }

    [Fact]
    public void Anonymous_Is401_AndUsesNobodysBudget()
    {
        for (int i = 0; i < 5; i++)
        {
            _caller = null;
            Assert.False(ApiAccess.TryAuthorize(Request("POST", "/api/items"), Roles.All, out _, out var unauthorized));
            Assert.Equal(401, Assert.IsType<ProblemHttpResult>(unauthorized).StatusCode);
        }

        Assert.Null(Send("POST", "/api/items"));
    }

    [Fact]
    public void ZeroPermitLimit_TurnsTheLimitOff()
    {
        using var limiter = new UserRateLimiter(Options.Create(new RateLimitOptions { Mutations = new RateLimit { PermitLimit = 0 } }));

        for (int i = 0; i < 100; i++)
        {
            Assert.Null(limiter.Check(new DefaultHttpContext { Request = { Method = "POST", Path = "/api/items", ContentType = "application/json" } }, Editor1));
        }
    }

    public void Dispose() => _services.Dispose();
}
