using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Publishing.Http;

namespace Publishing.Functions.Http;

public static class OpenApiFunction
{
    [Function(nameof(OpenApiDocumentApi.GetDocument))]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/openapi.json")] HttpRequest request) =>
        new ResultAdapter(OpenApiDocumentApi.GetDocument(request.HttpContext, request.HttpContext.RequestAborted));
}
