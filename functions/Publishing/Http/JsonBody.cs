using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Publishing.Http;

/// <summary>
/// Reads a JSON request body with a size limit checked while reading: a body over the limit is refused with 413
/// as soon as the limit is passed, before anything is deserialized. Bad input becomes a Chinese 400/413, never a 500.
/// </summary>
public static class JsonBody
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public readonly record struct Result<T>(T? Value, IResult? Problem);

    public static async Task<Result<T>> ReadAsync<T>(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength > maxBytes)
        {
            return new(null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream(request.ContentLength is > 0 and var length && length <= maxBytes ? (int)length : 0);
        byte[] chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return new(null, TooLarge(maxBytes));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            // The server's own limits (Kestrel's body size or rate) or a malformed chunked body.
            return new(null, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge(maxBytes)
                : ApiProblems.BadRequest("请求体不完整或格式错误，请重新提交。"));
        }

        if (buffer.Length == 0)
        {
            return new(null, ApiProblems.BadRequest("请求体为空，请以 JSON 格式提交内容。"));
        }

        try
        {
            T? value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return value is null
                ? new(null, ApiProblems.BadRequest("请求体不能为 null，请以 JSON 对象提交内容。"))
                : new(value, null);
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is { } line ? $"（第 {line + 1} 行附近，字段 {e.Path ?? "$"}）" : "";
            return new(null, ApiProblems.BadRequest($"请求体不是有效的 JSON 或字段类型不正确{where}，请检查格式后重新提交。"));
        }
        catch (InvalidOperationException)
        {
            // Text that is not valid UTF-8/UTF-16 (e.g. an unpaired surrogate escape) inside a JSON string.
            return new(null, ApiProblems.BadRequest("请求体的 JSON 文本含有无效字符编码，请以 UTF-8 编码重新提交。"));
        }
    }

    static IResult TooLarge(long maxBytes) =>
        ApiProblems.TooLarge($"提交内容超过上限 {Size(maxBytes)}，请压缩图片、将附件改为链接或拆分正文后重新提交。");

    static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024 / 1024.0:0.#} MB" : $"{Math.Max(1, bytes / 1024)} KB";
}
