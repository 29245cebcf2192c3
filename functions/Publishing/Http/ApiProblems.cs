using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Publishing.Http;

/// <summary>RFC 9457 problem responses whose <c>detail</c> tells a person, in Chinese, what to do.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult Unauthorized() => Problem(StatusCodes.Status401Unauthorized, "未认证",
        "请求缺少有效的身份凭据，或凭据已过期。请重新登录后再试。");

    public static ProblemHttpResult Forbidden(string detail) =>
        Problem(StatusCodes.Status403Forbidden, "无权操作", detail);

    public static ProblemHttpResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, "未找到", detail);

    public static ProblemHttpResult Conflict(string detail) =>
        Problem(StatusCodes.Status409Conflict, "状态冲突", detail);

    public static ProblemHttpResult BadRequest(string detail) =>
        Problem(StatusCodes.Status400BadRequest, "请求无效", detail);

    public static ProblemHttpResult TooLarge(string detail) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "内容过大", detail);

    public static ProblemHttpResult Unavailable(string detail) =>
        Problem(StatusCodes.Status503ServiceUnavailable, "暂时不可用", detail);

    /// <summary>400 with per-field errors; <paramref name="errors"/> keys are the JSON field paths.</summary>
    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(
            errors,
            detail: "提交的内容有误，请按各字段的提示修改后重新提交。",
            title: "字段校验未通过");

    static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
