using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Publishing.Http;

namespace Publishing.Functions.Http;

/// <summary>
/// Lets an HTTP trigger return the library handlers' <see cref="IResult"/> through the ASP.NET Core integration. A
/// running handler is awaited through <see cref="RequestFailures.GuardAsync"/>, the same storage-failure translation
/// the local host applies as an endpoint filter.
/// </summary>
public sealed class ResultAdapter : IActionResult
{
    readonly Task<IResult> result;

    public ResultAdapter(IResult result) => this.result = Task.FromResult(result);

    public ResultAdapter(Task<IResult> running) => result = running;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        IResult answer = await RequestFailures.GuardAsync(context.HttpContext, () => result);
        await answer.ExecuteAsync(context.HttpContext);
    }
}
