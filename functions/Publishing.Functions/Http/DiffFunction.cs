using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Publishing.Diff;

namespace Publishing.Functions.Http;

public static class DiffFunction
{
    [Function(nameof(DiffApi.GetDiff))]
    public static IActionResult GetDiff(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/items/{id}/diff")] HttpRequest request, string id)
    {
        var query = request.Query;
        return new ResultAdapter(DiffApi.GetDiff(id, query["from"], query["to"], query["against"], request.HttpContext,
            request.HttpContext.RequestAborted));
    }
}
