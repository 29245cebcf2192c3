using System.Net;
using Polly;
using Polly.Timeout;
using Publishing.Channels;
using Publishing.Channels.WeChat;

namespace Publishing.Tests.Channels.WeChat;

public sealed class WeChatResilienceTests
{
    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, false, true)]
    [InlineData(HttpStatusCode.BadGateway, false, true)]
    [InlineData(HttpStatusCode.TooManyRequests, false, true)]
    [InlineData(HttpStatusCode.RequestTimeout, false, true)]
    [InlineData(HttpStatusCode.BadRequest, false, false)]
    [InlineData(HttpStatusCode.InternalServerError, true, false)] // submit may have been processed
    [InlineData(HttpStatusCode.BadGateway, true, false)]
    [InlineData(HttpStatusCode.TooManyRequests, true, false)]
    public void ShouldRetry_ByStatus(HttpStatusCode status, bool atMostOnce, bool expected)
    {
        using var request = Request(atMostOnce);
        using var response = new HttpResponseMessage(status);

        Assert.Equal(expected, ChannelResilience.ShouldRetry(Outcome.FromResult(response), request));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)] // the attempt timed out after sending: never resend a submit
    public void ShouldRetry_AttemptTimeout(bool atMostOnce, bool expected)
    {
        using var request = Request(atMostOnce);

        Assert.Equal(expected, ChannelResilience.ShouldRetry(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), request));
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError, true)]
    [InlineData(HttpRequestError.NameResolutionError, true)]
    [InlineData(HttpRequestError.ResponseEnded, false)] // the request went out; the answer was cut
    [InlineData(HttpRequestError.Unknown, false)]
    public void ShouldRetry_AtMostOnceRequest_OnlyWhenNoConnectionWasMade(HttpRequestError error, bool expected)
    {
        using var request = Request(atMostOnce: true);
        var exception = new HttpRequestException(error, "failed");

        Assert.Equal(expected, ChannelResilience.ShouldRetry(Outcome.FromException<HttpResponseMessage>(exception), request));
    }

    static HttpRequestMessage Request(bool atMostOnce)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "https://api.weixin.qq.com/cgi-bin/freepublish/submit");
        request.Options.Set(ChannelResilience.AtMostOnce, atMostOnce);
        return request;
    }
}
