using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Publishing.Checks;
using Publishing.Identity;

namespace Publishing.Http;

/// <summary>
/// The HTTP API as the local host maps it. The Functions app declares the same routes as HTTP triggers;
/// a test compares the two lists.
/// </summary>
public static class PublishingApi
{
    public const string RoutePrefix = "api";

    public static IEndpointRouteBuilder MapPublishingApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/" + RoutePrefix);
        api.MapGet("/me", MeApi.GetMe);
        api.MapPost("/checks", ChecksApi.RunChecks);
        return endpoints;
    }
}
