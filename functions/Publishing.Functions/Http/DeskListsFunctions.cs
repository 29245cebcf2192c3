using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Publishing.Desk;

namespace Publishing.Functions.Http;

public static class DeskListsFunctions
{
    [Function(nameof(DeskListsApi.GetQueue))]
    public static IActionResult GetQueue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/desk/queue")] HttpRequest request) =>
        new ResultAdapter(DeskListsApi.GetQueue(request.HttpContext, request.Query["kind"], request.Query["due"],
            request.Query["sort"], request.HttpContext.RequestAborted));

    [Function(nameof(DeskListsApi.GetMyItems))]
    public static IActionResult GetMyItems(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/desk/mine")] HttpRequest request) =>
        new ResultAdapter(DeskListsApi.GetMyItems(request.HttpContext, request.Query["status"], request.Query["kind"],
            request.HttpContext.RequestAborted));

    [Function(nameof(DeskListsApi.GetPublications))]
    public static IActionResult GetPublications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/desk/publications")] HttpRequest request) =>
        new ResultAdapter(DeskListsApi.GetPublications(request.HttpContext, request.Query["attention"], request.HttpContext.RequestAborted));

    [Function(nameof(DeskListsApi.GetPolicies))]
    public static IActionResult GetPolicies(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/desk/policies")] HttpRequest request) =>
        new ResultAdapter(DeskListsApi.GetPolicies(request.HttpContext, request.Query["q"], request.HttpContext.RequestAborted));
}
