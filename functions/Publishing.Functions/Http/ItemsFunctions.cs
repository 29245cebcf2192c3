using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Publishing.Items;

namespace Publishing.Functions.Http;

public static class ItemsFunctions
{
    [Function(nameof(ItemsApi.Submit))]
    public static IActionResult Submit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/items")] HttpRequest request,
        [DurableClient] DurableTaskClient durable) =>
        new ResultAdapter(ItemsApi.Submit(request.HttpContext, durable, request.HttpContext.RequestAborted));

    [Function(nameof(ItemsApi.List))]
    public static IActionResult List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/items")] HttpRequest request)
    {
        // Raw values: the library parses them (QueryValues), so a bad one is the same 400 as on the local host.
        var query = request.Query;
        return new ResultAdapter(ItemsApi.List(request.HttpContext, query["status"], query["stage"], query["assignedToMe"],
            query["continuationToken"], query["pageSize"], request.HttpContext.RequestAborted));
    }

    [Function(nameof(ItemsApi.Get))]
    public static IActionResult Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/items/{id}")] HttpRequest request, string id) =>
        new ResultAdapter(ItemsApi.Get(id, request.HttpContext, request.HttpContext.RequestAborted));

    [Function(nameof(ItemsApi.Revise))]
    public static IActionResult Revise(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/items/{id}")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable) =>
        new ResultAdapter(ItemsApi.Revise(id, request.HttpContext, durable, request.HttpContext.RequestAborted));

    [Function(nameof(ItemsApi.Withdraw))]
    public static IActionResult Withdraw(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/items/{id}/withdraw")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable) =>
        new ResultAdapter(ItemsApi.Withdraw(id, request.HttpContext, durable, request.HttpContext.RequestAborted));

    [Function(nameof(ItemsApi.Resume))]
    public static IActionResult Resume(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/items/{id}/resume")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient durable) =>
        new ResultAdapter(ItemsApi.Resume(id, request.HttpContext, durable, request.HttpContext.RequestAborted));

    [Function(nameof(ItemsApi.GetVersion))]
    public static IActionResult GetVersion(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/items/{id}/versions/{n:int}")] HttpRequest request,
        string id, int n) =>
        new ResultAdapter(ItemsApi.GetVersion(id, n, request.HttpContext, request.HttpContext.RequestAborted));
}
