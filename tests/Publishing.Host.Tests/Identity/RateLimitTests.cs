using System.Net;
using Publishing.Host.Tests.Support;

namespace Publishing.Host.Tests.Identity;

/// <summary>Per-user limits on the running host, with small limits so the test does not have to flood it.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    readonly LocalHostProcess host = new(new Dictionary<string, string>
    {
        ["Publishing__RateLimits__Checks__PermitLimit"] = "2",
        ["Publishing__RateLimits__Checks__Window"] = "01:00:00",
        ["Publishing__RateLimits__Mutations__PermitLimit"] = "2",
        ["Publishing__RateLimits__Mutations__Window"] = "00:10:00",
        ["Publishing__Review__DueAfter"] = "01:00:00",
    });

    public Task InitializeAsync() => host.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    static object Draft => new { title = "关于做好2026年春节期间安全生产工作的通知", bodyHtml = "<p>各单位要加强值班值守。</p>" };

    [Fact]
    public async Task Checks_OverTheLimit_Get429WithRetryAfter_AndOtherUsersAreUnaffected()
    {
        using var editor = new ApiClient(host.BaseAddress, "editor1");
        using var other = new ApiClient(host.BaseAddress, "editor2");

        Assert.Equal(HttpStatusCode.OK, (await editor.PostJsonAsync("api/checks", Draft)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostJsonAsync("api/checks", Draft)).StatusCode);
        var limited = await editor.PostJsonAsync("api/checks", Draft);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromMinutes(30), limited.Headers.RetryAfter?.Delta);
        Assert.Contains("预检查过于频繁", (string?)(await ApiClient.ReadJsonAsync(limited))["detail"]);
        Assert.Equal(HttpStatusCode.OK, (await other.PostJsonAsync("api/checks", Draft)).StatusCode);

        // Submissions have their own budget: the spent check budget does not block them.
        Assert.Equal(HttpStatusCode.Accepted, (await editor.PostJsonAsync("api/items", Submissions.Policy())).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await editor.PostJsonAsync("api/items", Submissions.Policy())).StatusCode);
        var third = await editor.PostJsonAsync("api/items", Submissions.Policy());
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(5), third.Headers.RetryAfter?.Delta);
        Assert.Contains("提交、审核等操作过于频繁", (string?)(await ApiClient.ReadJsonAsync(third))["detail"]);

        // Reading is never limited.
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await editor.Http.GetAsync("api/items")).StatusCode);
        }
    }
}
