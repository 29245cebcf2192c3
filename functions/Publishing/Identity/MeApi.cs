using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Publishing.Identity;

/// <summary><c>GET /api/me</c>: who the service thinks the caller is; lets a person check their sign-in and roles.</summary>
public static class MeApi
{
    public sealed record MeResponse(string Id, string DisplayName, IReadOnlyCollection<string> Roles);

    public static IResult GetMe(HttpContext context)
    {
        if (!ApiAccess.TryAuthorize(context, Identity.Roles.All, out var user, out var denial))
        {
            return denial;
        }

        return TypedResults.Ok(new MeResponse(user.Id, user.DisplayName, user.Roles.Order().ToList()));
    }
}
