using Microsoft.AspNetCore.Http;
using Publishing.Identity;

namespace Publishing.Http;

/// <summary><c>GET /api/openapi.json</c> (any role): like every endpoint, it needs a signed-in user.</summary>
public static class OpenApiDocumentApi
{
    // The CancellationToken keeps this from binding as a RequestDelegate, which would drop the returned IResult.
    public static async Task<IResult> GetDocument(HttpContext context, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, Roles.All, out _, out var denial))
        {
            return denial;
        }

        string json = await OpenApiDocumentSource.Default.GetJsonAsync().WaitAsync(cancellationToken);
        return TypedResults.Text(json, "application/json", System.Text.Encoding.UTF8);
    }
}
