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
        int? from = int.TryParse(query["from"], out int f) ? f : null;
        int? to = int.TryParse(query["to"], out int t) ? t : null;
        return new ResultAdapter(DiffApi.GetDiff(id, from, to, query["against"], request.HttpContext, request.HttpContext.RequestAborted));
    }
}
