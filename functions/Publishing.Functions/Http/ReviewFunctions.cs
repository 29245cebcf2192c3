using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Publishing.Audit;
using Publishing.Notifications;
using Publishing.Review;

namespace Publishing.Functions.Http;

public static class ReviewFunctions
{
    [Function(nameof(ReviewsApi.Decide))]
    public static IActionResult Decide(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/items/{id}/reviews")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable) =>
        new ResultAdapter(ReviewsApi.Decide(id, request.HttpContext, durable, request.HttpContext.RequestAborted));

    [Function(nameof(DismissalsApi.Dismiss))]
    public static async Task<IActionResult> Dismiss(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/items/{id}/findings/{findingId}/dismiss")] HttpRequest request,
        string id, string findingId) =>
        new ResultAdapter(await DismissalsApi.Dismiss(id, findingId, request.HttpContext, request.HttpContext.RequestAborted));

    [Function(nameof(AuditApi.GetTrail))]
    public static IActionResult GetTrail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/items/{id}/audit")] HttpRequest request, string id) =>
        new ResultAdapter(AuditApi.GetTrail(id, request.HttpContext, request.HttpContext.RequestAborted));

    [Function(nameof(InboxApi.GetInbox))]
    public static IActionResult GetInbox(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/inbox")] HttpRequest request) =>
        new ResultAdapter(InboxApi.GetInbox(request.HttpContext, request.HttpContext.RequestAborted));
}
