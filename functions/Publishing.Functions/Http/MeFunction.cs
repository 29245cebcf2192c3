using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Publishing.Identity;

namespace Publishing.Functions.Http;

public static class MeFunction
{
    [Function(nameof(MeApi.GetMe))]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/me")] HttpRequest request) =>
        new ResultAdapter(MeApi.GetMe(request.HttpContext));
}
