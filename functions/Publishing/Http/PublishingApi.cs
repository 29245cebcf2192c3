using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Publishing.Audit;
using Publishing.Channels;
using Publishing.Checks;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Notifications;
using Publishing.Review;

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
        api.MapPost("/items", ItemsApi.Submit);
        api.MapGet("/items", ItemsApi.List);
        api.MapGet("/items/{id}", ItemsApi.Get);
        api.MapPut("/items/{id}", ItemsApi.Revise);
        api.MapPost("/items/{id}/withdraw", ItemsApi.Withdraw);
        api.MapPost("/items/{id}/reviews", ReviewsApi.Decide);
        api.MapGet("/items/{id}/versions/{n:int}", ItemsApi.GetVersion);
        api.MapGet("/items/{id}/audit", AuditApi.GetTrail);
        api.MapGet("/inbox", InboxApi.GetInbox);
        api.MapPost("/items/{id}/channels/{channel}/retry", PublicationsApi.RetryChannel);
        api.MapPost("/items/{id}/retract", PublicationsApi.Retract);
        api.MapPost("/items/{id}/schedule/cancel", PublicationsApi.CancelSchedule);
        api.MapPost("/checks", ChecksApi.RunChecks);
        return endpoints;
    }
}
