using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Publishing.Checks;

namespace Publishing.Functions.Http;

public static class ChecksFunction
{
    [Function(nameof(ChecksApi.RunChecks))]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/checks")] HttpRequest request) =>
        new ResultAdapter(ChecksApi.RunChecks(request.HttpContext, request.HttpContext.RequestAborted));
}
