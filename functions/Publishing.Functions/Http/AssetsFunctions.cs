using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Publishing.Assets;

namespace Publishing.Functions.Http;

public static class AssetsFunctions
{
    [Function(nameof(AssetsApi.UploadAsset))]
    public static async Task<IActionResult> Upload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/assets")] HttpRequest request) =>
        new ResultAdapter(await AssetsApi.UploadAsset(request.HttpContext, request.HttpContext.RequestAborted));

    [Function(nameof(AssetsApi.GetAsset))]
    public static async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/assets/{id}")] HttpRequest request, string id) =>
        new ResultAdapter(await AssetsApi.GetAsset(id, request.HttpContext, request.HttpContext.RequestAborted));

    [Function(nameof(AssetsApi.DownloadAsset))]
    public static async Task<IActionResult> Download(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/assets/{id}/content")] HttpRequest request, string id) =>
        new ResultAdapter(await AssetsApi.DownloadAsset(id, request.HttpContext, request.HttpContext.RequestAborted));
}
