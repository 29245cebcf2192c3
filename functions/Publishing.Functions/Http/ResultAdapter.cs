using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Publishing.Functions.Http;

/// <summary>Lets an HTTP trigger return the library handlers' <see cref="IResult"/> through the ASP.NET Core integration.</summary>
public sealed class ResultAdapter(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
}
