using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Publishing.Desk;

public static class DeskEndpoints
{
    /// <summary>Maps the 审核台 files at <c>/desk/</c>: not part of the API document, no token needed to load them.</summary>
    public static IEndpointRouteBuilder MapDesk(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/" + DeskApi.Route, (HttpContext context, string? path) => DeskApi.Serve(context, path))
            .WithName(nameof(DeskApi.Serve)).ExcludeFromDescription();
        return endpoints;
    }
}
