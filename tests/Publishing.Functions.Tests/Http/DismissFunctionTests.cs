using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Functions.Http;
using Publishing.Identity;

namespace Publishing.Functions.Tests.Http;

/// <summary>The Functions trigger for dismissing a warning hands the request, item id and finding id to the library handler.</summary>
public sealed class DismissFunctionTests
{
    sealed class Resolver(CurrentUser? user) : ICurrentUserResolver
    {
        public CurrentUser? Resolve(HttpContext context) => user;
    }

    static async Task<(int Status, string Body)> CallAsync(CurrentUser? user, string json)
    {
        var services = new ServiceCollection().AddSingleton<ICurrentUserResolver>(new Resolver(user)).AddLogging().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        var result = await ReviewFunctions.Dismiss(context.Request, "0123456789abcdef0123456789abcdef", "pii.email#1a2b3c4d5e6f");
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task WithoutIdentity_TheTriggerAnswers401FromTheHandler()
    {
        var (status, body) = await CallAsync(null, "{\"version\":1,\"reason\":\"单位公开邮箱\"}");

        Assert.Equal(StatusCodes.Status401Unauthorized, status);
        Assert.Contains("登录", body);
    }

    [Fact]
    public async Task AReviewerWithoutAReason_Gets400WithTheChineseFieldMessage()
    {
        var reviewer = new CurrentUser("reviewer1", "reviewer1", new HashSet<string> { Roles.InitialReviewer });

        var (status, body) = await CallAsync(reviewer, "{\"version\":1,\"reason\":\"\"}");

        Assert.Equal(StatusCodes.Status400BadRequest, status);
        Assert.Contains("驳回理由", body);
    }
}
