using Microsoft.AspNetCore.Http;

namespace Publishing.Desk;

/// <summary>The few pages the desk route answers itself, in Chinese.</summary>
static class DeskPages
{
    public static IResult NotFound() => Page(StatusCodes.Status404NotFound, "页面不存在",
        "审核台中没有这个文件，请从 <a href=\"/desk/\">审核台首页</a> 进入。");

    public static IResult NotBuilt() => Page(StatusCodes.Status503ServiceUnavailable, "审核台尚未构建",
        "本服务构建时没有生成审核台页面。请在代码目录运行 <code>./run.sh</code>（或 <code>npm ci &amp;&amp; npm run build:desk</code> 后重新构建）。");

    static IResult Page(int status, string title, string message) => Results.Content(
        $"<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>{title}</title><h1>{title}</h1><p>{message}</p></html>",
        "text/html; charset=utf-8", statusCode: status);
}
