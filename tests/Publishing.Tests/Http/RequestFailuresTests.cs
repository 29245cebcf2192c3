using System.Net.Sockets;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Http;

namespace Publishing.Tests.Http;

public sealed class RequestFailuresTests
{
    [Theory]
    [InlineData(503, true)]
    [InlineData(500, true)]
    [InlineData(429, true)]
    [InlineData(408, true)]
    [InlineData(0, true)]
    [InlineData(400, false)] // e.g. PropertyValueTooLarge: retrying will not help
    [InlineData(413, false)]
    public void StorageAnswers_AreClassified(int status, bool transient) =>
        Assert.Equal(transient, RequestFailures.Classify(new RequestFailedException(status, "storage said no")));

    [Fact]
    public void ConnectionFailuresAndTimeouts_AreTransient_OtherExceptionsAreNotStorage()
    {
        Assert.True(RequestFailures.Classify(new RequestFailedException(0, "refused", new HttpRequestException("refused", new SocketException(111)))));
        Assert.True(RequestFailures.Classify(new AggregateException(new TaskCanceledException("timeout"))));
        Assert.True(RequestFailures.Classify(new InvalidOperationException("wrapped", new RequestFailedException(503, "busy"))));
        Assert.Null(RequestFailures.Classify(new ArgumentException("a bug, not storage")));
    }

    [Fact]
    public async Task AHandlerThatHitsAStorageOutage_Answers503WithRetryAfter_AndAChineseDetail()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };

        IResult result = await RequestFailures.GuardAsync(context, () => throw new RequestFailedException(503, "ServerBusy"));

        var problem = Assert.IsType<ProblemHttpResult>(result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.StatusCode);
        Assert.Contains("重试", problem.ProblemDetails.Detail);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task ANonTransientStorageRefusal_Is503WithoutRetryAfter_NeverA500()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };

        IResult result = await RequestFailures.GuardAsync(context, () => throw new RequestFailedException(400, "PropertyValueTooLarge"));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, Assert.IsType<ProblemHttpResult>(result).StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("Retry-After"));
    }
}
