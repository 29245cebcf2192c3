using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Publishing.Supervision;

namespace Publishing.Functions.Http;

public static class SupervisionFunctions
{
    [Function(nameof(SupervisionApi.GetAccounts))]
    public static IActionResult GetAccounts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/supervision/accounts")] HttpRequest request) =>
        new ResultAdapter(SupervisionApi.GetAccounts(request.HttpContext, request.HttpContext.RequestAborted));

    [Function(nameof(SupervisionApi.GetInterpretations))]
    public static IActionResult GetInterpretations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/supervision/interpretations")] HttpRequest request) =>
        new ResultAdapter(SupervisionApi.GetInterpretations(request.HttpContext, request.HttpContext.RequestAborted));

    [Function(nameof(SupervisionApi.GetPatrol))]
    public static IActionResult GetPatrol(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/supervision/patrol")] HttpRequest request) =>
        new ResultAdapter(SupervisionApi.GetPatrol(request.HttpContext, request.HttpContext.RequestAborted));

    [Function(nameof(SupervisionApi.GetDisclosure))]
    public static IActionResult GetDisclosure(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/supervision/disclosure")] HttpRequest request) =>
        new ResultAdapter(SupervisionApi.GetDisclosure(request.HttpContext, request.HttpContext.RequestAborted));

    [Function(nameof(SupervisionApi.GetColumns))]
    public static IActionResult GetColumns(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/supervision/columns")] HttpRequest request) =>
        new ResultAdapter(SupervisionApi.GetColumns(request.HttpContext, request.HttpContext.RequestAborted));

    [Function(nameof(SupervisionApi.GetAnnualReport))]
    public static IActionResult GetAnnualReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/annual")] HttpRequest request) =>
        new ResultAdapter(SupervisionApi.GetAnnualReport(request.HttpContext, request.Query["year"], request.Query["format"],
            request.HttpContext.RequestAborted));
}
