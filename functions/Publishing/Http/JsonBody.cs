using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Publishing.Http;

/// <summary>Reads a JSON request body with a size limit; bad input becomes a Chinese 400/413, never a 500.</summary>
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

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return new(null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
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
    }

    static IResult TooLarge(long maxBytes) =>
        ApiProblems.TooLarge($"提交内容超过上限 {maxBytes / 1024 / 1024.0:0.#} MB，请压缩图片或拆分正文后重新提交。");
}
