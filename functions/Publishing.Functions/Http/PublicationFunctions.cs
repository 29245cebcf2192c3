using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Publishing.Channels;

namespace Publishing.Functions.Http;

public static class PublicationFunctions
{
    [Function(nameof(PublicationsApi.RetryChannel))]
    public static async Task<IActionResult> RetryChannel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/items/{id}/channels/{channel}/retry")] HttpRequest request,
        string id, string channel, [DurableClient] DurableTaskClient durable) =>
        new ResultAdapter(await PublicationsApi.RetryChannel(id, channel, request.HttpContext, durable, request.HttpContext.RequestAborted));

    [Function(nameof(PublicationsApi.ResolveChannel))]
    public static async Task<IActionResult> ResolveChannel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/items/{id}/channels/{channel}/resolve")] HttpRequest request,
        string id, string channel) =>
        new ResultAdapter(await PublicationsApi.ResolveChannel(id, channel, request.HttpContext, request.HttpContext.RequestAborted));

    [Function(nameof(PublicationsApi.Retract))]
    public static async Task<IActionResult> Retract(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/items/{id}/retract")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable) =>
        new ResultAdapter(await PublicationsApi.Retract(id, request.HttpContext, durable, request.HttpContext.RequestAborted));

    [Function(nameof(PublicationsApi.CancelSchedule))]
    public static async Task<IActionResult> CancelSchedule(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/items/{id}/schedule/cancel")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable) =>
        new ResultAdapter(await PublicationsApi.CancelSchedule(id, request.HttpContext, durable, request.HttpContext.RequestAborted));
}
