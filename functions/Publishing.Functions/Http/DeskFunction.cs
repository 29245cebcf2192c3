using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Publishing.Desk;

namespace Publishing.Functions.Http;

/// <summary>
/// The 审核台 files at <c>/desk/</c>. host.json's routePrefix is empty so this route can sit beside <c>/api</c>; every API
/// trigger spells its <c>api/</c> prefix. App Service Authentication excludes <c>/desk/*</c>: the files are code, not data.
/// </summary>
public static class DeskFunction
{
    [Function(nameof(DeskApi.Serve))]
    public static IActionResult Serve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DeskApi.Route)] HttpRequest request, string? path) =>
        new ResultAdapter(DeskApi.Serve(request.HttpContext, path));
}
