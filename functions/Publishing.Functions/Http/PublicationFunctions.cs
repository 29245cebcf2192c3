using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Publishing.Channels;

namespace Publishing.Functions.Http;

public static class PublicationFunctions
{
    [Function(nameof(PublicationsApi.RetryChannel))]
    public static IActionResult RetryChannel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/items/{id}/channels/{channel}/retry")] HttpRequest request,
        string id, string channel, [DurableClient] DurableTaskClient durable) =>
        new ResultAdapter(PublicationsApi.RetryChannel(id, channel, request.HttpContext, durable, request.HttpContext.RequestAborted));

    [Function(nameof(PublicationsApi.ResolveChannel))]
    public static IActionResult ResolveChannel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/items/{id}/channels/{channel}/resolve")] HttpRequest request,
        string id, string channel) =>
        new ResultAdapter(PublicationsApi.ResolveChannel(id, channel, request.HttpContext, request.HttpContext.RequestAborted));

    [Function(nameof(PublicationsApi.Retract))]
    public static IActionResult Retract(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/items/{id}/retract")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable) =>
        new ResultAdapter(PublicationsApi.Retract(id, request.HttpContext, durable, request.HttpContext.RequestAborted));

    [Function(nameof(PublicationsApi.CancelSchedule))]
    public static IActionResult CancelSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/items/{id}/schedule/cancel")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable) =>
        new ResultAdapter(PublicationsApi.CancelSchedule(id, request.HttpContext, durable, request.HttpContext.RequestAborted));
}
