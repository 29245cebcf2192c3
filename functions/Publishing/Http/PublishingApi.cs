using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Publishing.Lifecycle;
using Publishing.Assets;
using Publishing.Audit;
using Publishing.Channels;
using Publishing.Channels.WeChat;
using Publishing.Checks;
using Publishing.Desk;
using Publishing.Diff;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Notes;
using Publishing.Notifications;
using Publishing.Review;
using Publishing.Supervision;
using Publishing.Supervision.Patrol;
using Publishing.Supervision.Reports;

namespace Publishing.Http;

/// <summary>
/// The HTTP API as the local host maps it. The Functions app declares the same routes as HTTP triggers;
/// a test compares the two lists.
/// </summary>
public static class PublishingApi
{
    public const string RoutePrefix = "api";

    const string Json = "application/json";

    public static IEndpointRouteBuilder MapPublishingApi(this IEndpointRouteBuilder endpoints)
    {
        // Handlers return IResult, so request and response types for the OpenAPI document are declared here.
        var api = endpoints.MapGroup("/" + RoutePrefix)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithRequestFailureTranslation();
        api.MapGet("/me", MeApi.GetMe)
            .WithName(nameof(MeApi.GetMe)).WithTags("Identity").Produces<MeApi.MeResponse>();
        api.MapPost("/items", ItemsApi.Submit)
            .WithName(nameof(ItemsApi.Submit)).WithTags("Items").AcceptsJson<SubmissionRequest>()
            .Produces<SubmissionAccepted>(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/items", ItemsApi.List)
            .WithName(nameof(ItemsApi.List)).WithTags("Items").Produces<ItemsApi.ItemList>().ProducesValidationProblem();
        api.MapGet("/items/{id}", ItemsApi.Get)
            .WithName(nameof(ItemsApi.Get)).WithTags("Items").Produces<ItemView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/items/{id}", ItemsApi.Revise)
            .WithName(nameof(ItemsApi.Revise)).WithTags("Items").AcceptsJson<SubmissionRequest>()
            .Produces<SubmissionAccepted>(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapPost("/items/{id}/withdraw", ItemsApi.Withdraw)
            .WithName(nameof(ItemsApi.Withdraw)).WithTags("Items").AcceptsJson<ItemsApi.WithdrawRequest>().Produces<ItemView>()
            .Produces<ItemView>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/items/{id}/resume", ItemsApi.Resume)
            .WithName(nameof(ItemsApi.Resume)).WithTags("Items").Produces<ItemView>()
            .Produces<ItemView>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/items/{id}/reviews", ReviewsApi.Decide)
            .WithName(nameof(ReviewsApi.Decide)).WithTags("Reviews").AcceptsJson<ReviewsApi.ReviewRequest>()
            .Produces<ItemView>().Produces<ItemView>(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/items/{id}/findings/{findingId}/dismiss", DismissalsApi.Dismiss)
            .WithName(nameof(DismissalsApi.Dismiss)).WithTags("Reviews").AcceptsJson<DismissalsApi.DismissRequest>()
            .Produces<FindingDismissal>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/items/{id}/versions/{n:int}", ItemsApi.GetVersion)
            .WithName(nameof(ItemsApi.GetVersion)).WithTags("Items").Produces<ItemsApi.VersionView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/items/{id}/audit", AuditApi.GetTrail)
            .WithName(nameof(AuditApi.GetTrail)).WithTags("Audit").Produces<AuditApi.AuditTrailResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/inbox", InboxApi.GetInbox)
            .WithName(nameof(InboxApi.GetInbox)).WithTags("Notifications").Produces<InboxApi.InboxResponse>();
        api.MapPost("/items/{id}/channels/{channel}/retry", PublicationsApi.RetryChannel)
            .WithName(nameof(PublicationsApi.RetryChannel)).WithTags("Publishing").Produces<PublicationsApi.RetryAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/items/{id}/channels/{channel}/resolve", PublicationsApi.ResolveChannel)
            .WithName(nameof(PublicationsApi.ResolveChannel)).WithTags("Publishing").AcceptsJson<ResolveRequest>()
            .Produces<ItemView>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/items/{id}/retract", PublicationsApi.Retract)
            .WithName(nameof(PublicationsApi.Retract)).WithTags("Publishing").AcceptsJson<PublicationsApi.RetractRequest>()
            .Produces<ItemView>().Produces<ItemView>(StatusCodes.Status202Accepted).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/items/{id}/schedule/cancel", PublicationsApi.CancelSchedule)
            .WithName(nameof(PublicationsApi.CancelSchedule)).WithTags("Publishing").Produces<ItemView>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/channels/wechat/events", WeChatEventsApi.Verify)
            .WithName(nameof(WeChatEventsApi.Verify)).WithTags("Channels").Produces<string>(contentType: "text/plain");
        api.MapPost("/channels/wechat/events", WeChatEventsApi.Receive)
            .WithName(nameof(WeChatEventsApi.Receive)).WithTags("Channels").Produces<string>(contentType: "text/plain");
        api.MapPost("/assets", AssetsApi.UploadAsset)
            // No Accepts<IFormFile>: its content-type filter answers 415 before the handler could say 401/403.
            .WithName(nameof(AssetsApi.UploadAsset)).WithTags("Assets")
            .Produces<AssetsApi.AssetView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/assets/{id}", AssetsApi.GetAsset)
            .WithName(nameof(AssetsApi.GetAsset)).WithTags("Assets").Produces<AssetsApi.AssetView>().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/assets/{id}/content", AssetsApi.DownloadAsset)
            .WithName(nameof(AssetsApi.DownloadAsset)).WithTags("Assets").Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/checks", ChecksApi.RunChecks)
            .WithName(nameof(ChecksApi.RunChecks)).WithTags("Checks").AcceptsJson<ChecksRequest>()
            .Produces<CheckReport>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/supervision/accounts", SupervisionApi.GetAccounts)
            .WithName(nameof(SupervisionApi.GetAccounts)).WithTags("Supervision").Produces<SupervisionApi.AccountsResponse>();
        api.MapGet("/supervision/interpretations", SupervisionApi.GetInterpretations)
            .WithName(nameof(SupervisionApi.GetInterpretations)).WithTags("Supervision").Produces<SupervisionApi.InterpretationsResponse>();
        api.MapGet("/supervision/patrol", SupervisionApi.GetPatrol)
            .WithName(nameof(SupervisionApi.GetPatrol)).WithTags("Supervision").Produces<PatrolReport>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/reports/annual", SupervisionApi.GetAnnualReport)
            .WithName(nameof(SupervisionApi.GetAnnualReport)).WithTags("Supervision").Produces<AnnualReport>()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/supervision/disclosure", SupervisionApi.GetDisclosure)
            .WithName(nameof(SupervisionApi.GetDisclosure)).WithTags("Supervision").Produces<SupervisionApi.DisclosureResponse>();
        api.MapGet("/supervision/columns", SupervisionApi.GetColumns)
            .WithName(nameof(SupervisionApi.GetColumns)).WithTags("Supervision").Produces<SupervisionApi.ColumnsResponse>();
        api.MapGet("/openapi.json", OpenApiDocumentApi.GetDocument)
            .WithName(nameof(OpenApiDocumentApi.GetDocument)).WithTags("Meta").Produces(StatusCodes.Status200OK, contentType: Json);
        api.MapGet("/items/{id}/notes", NotesApi.ListNotes)
            .WithName(nameof(NotesApi.ListNotes)).WithTags("Notes").Produces<NotesApi.NoteList>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/items/{id}/notes", NotesApi.AddNote)
            .WithName(nameof(NotesApi.AddNote)).WithTags("Notes").AcceptsJson<NoteRequest>()
            .Produces<PassageNote>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/items/{id}/notes/{noteId}/resolve", NotesApi.ResolveNote)
            .WithName(nameof(NotesApi.ResolveNote)).WithTags("Notes").Produces<PassageNote>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/items/{id}/diff", DiffApi.GetDiff)
            .WithName(nameof(DiffApi.GetDiff)).WithTags("Items").Produces<VersionDiff>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/desk/queue", DeskListsApi.GetQueue)
            .WithName(nameof(DeskListsApi.GetQueue)).WithTags("Desk").Produces<QueueResponse>().ProducesValidationProblem();
        api.MapGet("/desk/mine", DeskListsApi.GetMyItems)
            .WithName(nameof(DeskListsApi.GetMyItems)).WithTags("Desk").Produces<DeskItemList>().ProducesValidationProblem();
        api.MapGet("/desk/publications", DeskListsApi.GetPublications)
            .WithName(nameof(DeskListsApi.GetPublications)).WithTags("Desk").Produces<DeskItemList>();
        api.MapGet("/desk/policies", DeskListsApi.GetPolicies)
            .WithName(nameof(DeskListsApi.GetPolicies)).WithTags("Desk").Produces<PolicyList>().ProducesValidationProblem();
        return endpoints;
    }
}
