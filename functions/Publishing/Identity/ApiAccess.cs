using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Http;

namespace Publishing.Identity;

/// <summary>
/// The one authorization gate every handler passes through, so both hosts enforce identical rules:
/// no identity → 401, a cookie-signed change that could come from another site → 403 (<see cref="CrossSiteRequests"/>),
/// too many costly requests from this person → 429 (<see cref="UserRateLimiter"/>),
/// identity without one of the allowed roles → 403.
/// </summary>
public static class ApiAccess
{
    public static bool TryAuthorize(
        HttpContext context,
        IReadOnlyCollection<string> allowedRoles,
        [NotNullWhen(true)] out CurrentUser? user,
        [NotNullWhen(false)] out IResult? denial)
    {
        user = context.RequestServices.GetRequiredService<ICurrentUserResolver>().Resolve(context);
        if (user is null)
        {
            denial = ApiProblems.Unauthorized();
            return false;
        }

        if (CrossSiteRequests.IsRefused(context.Request))
        {
            denial = CrossSiteRequests.Refusal();
            user = null;
            return false;
        }

        if (context.RequestServices.GetService<UserRateLimiter>()?.Check(context, user) is { } limited)
        {
            denial = limited;
            user = null;
            return false;
        }

        if (!user.IsInAnyRole(allowedRoles))
        {
            string needed = string.Join("、", allowedRoles.Select(Roles.DisplayName));
            denial = ApiProblems.Forbidden($"此操作仅限{needed}执行，您当前的角色无此权限。如需权限请联系管理员。");
            user = null;
            return false;
        }

        denial = null;
        return true;
    }
}
