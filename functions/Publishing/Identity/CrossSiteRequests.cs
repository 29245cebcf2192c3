using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Publishing.Http;

namespace Publishing.Identity;

/// <summary>
/// Cross-site request forgery guard for requests signed in by a session cookie (App Service Authentication in Azure):
/// a browser attaches that cookie to a form post from any site. A change (POST, PUT, PATCH, DELETE) without an
/// <c>Authorization</c> header must therefore be JSON (or multipart, for uploads), which a cross-site form cannot send
/// without a CORS preflight this app never grants, and when the browser says where it comes from
/// (<c>Sec-Fetch-Site</c>) that must be this site. Requests with a bearer token are not forgeable this way: a browser
/// never adds that header by itself.
/// </summary>
public static class CrossSiteRequests
{
    public static bool IsRefused(HttpRequest request)
    {
        bool change = HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method)
            || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method);
        if (!change || request.Headers.Authorization.Count > 0)
        {
            return false;
        }

        string? fetchSite = request.Headers["Sec-Fetch-Site"];
        if (fetchSite is not (null or "" or "same-origin" or "none"))
        {
            return true;
        }

        return !(MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && (type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || type.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true
                || type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)));
    }

    public static IResult Refusal() => ApiProblems.Forbidden(
        "请求被拒绝：修改操作须由审核台页面以 JSON 提交（Content-Type: application/json），不接受来自其他网站的表单或请求。" +
        "请从审核台重新操作；脚本调用请使用 Authorization: Bearer 令牌。");
}
