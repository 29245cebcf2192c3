using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Publishing.Desk;

namespace Publishing.Functions.Http;

public static class DeskListsFunctions
{
    [Function(nameof(DeskListsApi.GetQueue))]
    public static async Task<IActionResult> GetQueue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/desk/queue")] HttpRequest request) =>
        new ResultAdapter(await DeskListsApi.GetQueue(request.HttpContext, request.Query["kind"], request.Query["due"],
            request.Query["sort"], request.HttpContext.RequestAborted));

    [Function(nameof(DeskListsApi.GetMyItems))]
    public static async Task<IActionResult> GetMyItems(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/desk/mine")] HttpRequest request) =>
        new ResultAdapter(await DeskListsApi.GetMyItems(request.HttpContext, request.Query["status"], request.Query["kind"],
            request.HttpContext.RequestAborted));

    [Function(nameof(DeskListsApi.GetPublications))]
    public static async Task<IActionResult> GetPublications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/desk/publications")] HttpRequest request) =>
        new ResultAdapter(await DeskListsApi.GetPublications(request.HttpContext, request.Query["attention"], request.HttpContext.RequestAborted));

    [Function(nameof(DeskListsApi.GetPolicies))]
    public static async Task<IActionResult> GetPolicies(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/desk/policies")] HttpRequest request) =>
        new ResultAdapter(await DeskListsApi.GetPolicies(request.HttpContext, request.Query["q"], request.HttpContext.RequestAborted));
}
