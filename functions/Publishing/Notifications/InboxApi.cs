using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Identity;

namespace Publishing.Notifications;

/// <summary><c>GET /api/inbox</c>: the caller's notifications (reminders, escalations, returned items), newest first.</summary>
public static class InboxApi
{
    public static async Task<IResult> GetInbox(HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, Roles.All, out var user, out var denial))
        {
            return denial;
        }

        var notifications = await context.RequestServices.GetRequiredService<Inbox>().ReadAsync(user, 100, cancellationToken);
        return TypedResults.Ok(new InboxResponse(notifications));
    }

    public sealed record InboxResponse(IReadOnlyList<Notification> Notifications);
}
