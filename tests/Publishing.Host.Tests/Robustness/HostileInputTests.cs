using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Publishing.Host.Tests.Support;

namespace Publishing.Host.Tests.Robustness;

/// <summary>
/// Every attack vector of the sanitizer's test table, nested and malformed HTML, wrong JSON types for every field,
/// control characters, noncharacters, lone surrogates and huge numbers, through the checks, submit, revise and review
/// endpoints of the running host: never a 5xx, every refusal a Chinese problem, and every accepted item moves on.
/// </summary>
[Collection(SharedHostCollection.Name)]
public sealed partial class HostileInputTests(SharedHost host)
{
    static readonly string[] Vectors = SanitizerVectors()
        .Append("<math></br><textarea><mtext><template><style></textarea><img src=x onerror=alert(1)>")
        .Append(string.Concat(Enumerable.Repeat("<div>", 20_000)) + "深")
        .Append(string.Concat(Enumerable.Repeat("<p><b><i><table><tr><td>", 3_000)))
        .Append("<p>正文\u0000含NUL\uFFFF与\uFFFE</p>")
        .Append("<p>" + new string('<', 50_000) + "</p>")
        .ToArray();

    /// <summary>The first argument of every row of ArticleSanitizerTests.Sanitize_AttackVector_DoesNotSurvive.</summary>
    static IEnumerable<string> SanitizerVectors()
    {
        string source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Publishing.Tests", "Content", "ArticleSanitizerTests.cs"));
        string table = source[..source.IndexOf("public void Sanitize_AttackVector_DoesNotSurvive", StringComparison.Ordinal)];
        var rows = InlineDataRow().Matches(table).Select(m => Regex.Unescape(m.Groups[1].Value)).ToList();
        Assert.True(rows.Count >= 25, $"found only {rows.Count} sanitizer vectors");
        return rows;
    }

    [GeneratedRegex("""\[InlineData\("((?:[^"\\]|\\.)*)",""")]
    private static partial Regex InlineDataRow();

    static JsonObject ValidSubmission(string body) => JsonNode.Parse(JsonSerializer.Serialize(Submissions.Policy(body: body)))!.AsObject();

    /// <summary>The submission with one field replaced by raw JSON of a wrong type.</summary>
    static IEnumerable<string> WrongTypes()
    {
        string[] fields = ["kind", "title", "bodyHtml", "metadata", "channels", "publishAt", "interpretsItemId", "requiresInterpretation", "version"];
        string[] metadataFields = ["publisher", "orgCode", "documentNumber", "disclosureMode", "category", "validity", "writtenDate", "indexNumber", "wechatTitle"];
        string[] wrong = ["12345", "1e400", "-99999999999999999999999999", "true", "[\"a\",1]", "{\"x\":{\"y\":[]}}", "\"\\ud800\"", "\"2023-13-45T99:99\""];
        string valid = JsonSerializer.Serialize(Submissions.Policy(version: 1));
        foreach (string field in fields)
        {
            foreach (string value in wrong)
            {
                if ((field, value) is ("version", "12345") or ("requiresInterpretation", "true") || IsFreeText(field, value))
                {
                    continue; // the right type for that field
                }

                var node = JsonNode.Parse(valid)!.AsObject();
                node.Remove(field);
                yield return "{" + $"\"{field}\":{value}," + node.ToJsonString()[1..];
            }
        }

        foreach (string field in metadataFields)
        {
            foreach (string value in wrong.Where(v => !IsFreeText(field, v)))
            {
                var node = JsonNode.Parse(valid)!.AsObject();
                node["metadata"]!.AsObject().Remove(field);
                string text = node.ToJsonString();
                yield return text.Replace("\"metadata\":{", $"\"metadata\":{{\"{field}\":{value},", StringComparison.Ordinal);
            }
        }

        yield return "{\"title\":\"NUL\u0000标题\",\"kind\":\"news\"}";
        yield return "[1,2,3]";
        yield return "null";
        yield return "\"just a string\"";
        yield return "{\"kind\":\"news\",\"title\":" + new string('[', 5_000) + new string(']', 5_000) + "}";
        yield return "{\"kind\":\"news\",\"title\":\"未闭合";
        yield return "{\"kind\":\"news\",\"title\":\"\\udc00孤立\"}";
    }

    /// <summary>A date-like text is a fine value for a free-text field; only the date fields must refuse it.</summary>
    static bool IsFreeText(string field, string value) =>
        value == "\"2023-13-45T99:99\"" && field is "title" or "bodyHtml" or "publisher" or "category" or "validity" or "wechatTitle";

    static IEnumerable<JsonObject> HostileFieldValues()
    {
        string[] texts = ["\u0000", "标题\uFFFF", "\uFFFE", "a\u0007b", new string('长', 6_000), "<script>alert(1)</script>", "\u202Eevil", "标题\n换行"];
        foreach (string text in texts)
        {
            var title = ValidSubmission(Submissions.DefaultBody);
            title["title"] = text;
            yield return title;
            foreach (string field in new[] { "publisher", "category", "validity", "documentNumber", "wechatTitle", "orgCode" })
            {
                var submission = ValidSubmission(Submissions.DefaultBody);
                submission["metadata"]![field] = text;
                yield return submission;
            }
        }
    }

    static void AssertNot5xx(HttpResponseMessage response, string what, string body)
    {
        Assert.True((int)response.StatusCode < 500, $"{what} → {(int)response.StatusCode}: {body[..Math.Min(500, body.Length)]}");
        if ((int)response.StatusCode >= 400)
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (string?)JsonNode.Parse(body)?["detail"] ?? "");
        }
    }

    static async Task<(HttpResponseMessage Response, string Body)> SendAsync(ApiClient client, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        var response = await client.Http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HostileInput_ThroughChecksSubmitReviseAndReview_IsNeverA5xx_AndNothingIsStuck()
    {
        using var editor = host.As("editor1");
        using var reviewer = host.As("reviewer1");
        using var second = host.As("reviewer2");
        var accepted = new List<string>();

        foreach (string vector in Vectors)
        {
            var (checks, checksBody) = await SendAsync(editor, HttpMethod.Post, "api/checks",
                JsonSerializer.Serialize(new { title = "检查" + vector[..Math.Min(50, vector.Length)], bodyHtml = vector }));
            AssertNot5xx(checks, "checks", checksBody);

            var (submit, submitBody) = await SendAsync(editor, HttpMethod.Post, "api/items", ValidSubmission(vector).ToJsonString());
            AssertNot5xx(submit, "submit", submitBody);
            if (submit.StatusCode == HttpStatusCode.Accepted)
            {
                accepted.Add((string)JsonNode.Parse(submitBody)!["id"]!);
            }
        }

        var wronglyAccepted = new List<string>();
        foreach (string json in WrongTypes())
        {
            var (submit, submitBody) = await SendAsync(editor, HttpMethod.Post, "api/items", json);
            AssertNot5xx(submit, "submit " + json[..Math.Min(120, json.Length)], submitBody);
            if (submit.StatusCode == HttpStatusCode.Accepted)
            {
                wronglyAccepted.Add(json[..Math.Min(120, json.Length)]);
            }

            var (checks, checksBody) = await SendAsync(editor, HttpMethod.Post, "api/checks", json);
            AssertNot5xx(checks, "checks " + json[..Math.Min(120, json.Length)], checksBody);
        }

        Assert.True(wronglyAccepted.Count == 0, "accepted with a wrong type:\n" + string.Join("\n", wronglyAccepted));

        foreach (var submission in HostileFieldValues())
        {
            var (submit, submitBody) = await SendAsync(editor, HttpMethod.Post, "api/items", submission.ToJsonString());
            AssertNot5xx(submit, "submit " + submission.ToJsonString()[..120], submitBody);
            if (submit.StatusCode == HttpStatusCode.Accepted)
            {
                accepted.Add((string)JsonNode.Parse(submitBody)!["id"]!);
            }
        }

        // A returned item takes the revise and review attacks.
        string id = await editor.SubmitAsync(Submissions.Policy());
        await editor.WaitForStageAsync(id, "initial");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.ReviewAsync(id, "initial", "approve")).StatusCode);
        foreach (string json in WrongTypes().Take(40))
        {
            var (review, reviewBody) = await SendAsync(second, HttpMethod.Post, $"api/items/{id}/reviews", json);
            AssertNot5xx(review, "review " + json[..Math.Min(120, json.Length)], reviewBody);
        }

        foreach (string comment in Vectors.Take(10).Append("意见\u0000NUL").Append("\uFFFF").Append(new string('长', 2_001)))
        {
            var (review, reviewBody) = await SendAsync(second, HttpMethod.Post, $"api/items/{id}/reviews", JsonSerializer.Serialize(new
            {
                stage = "second", decision = "reject", version = 1, comment,
                aspects = new { political = false, legal = true, confidentiality = true, textual = true },
            }));
            AssertNot5xx(review, "review comment", reviewBody);
            if (review.StatusCode == HttpStatusCode.OK)
            {
                break;
            }
        }

        foreach (string raw in new[] { "{\"stage\":\"second\",\"decision\":\"approve\",\"version\":1e400}", "{\"version\":99999999999}", "{\"aspects\":[1,2]}", "{\"stage\":\"\\ud800\"}" })
        {
            var (review, reviewBody) = await SendAsync(second, HttpMethod.Post, $"api/items/{id}/reviews", raw);
            AssertNot5xx(review, "review " + raw, reviewBody);
        }

        await editor.WaitForItemAsync(id, i => (string?)i["status"] == "ReturnedForRevision");
        foreach (string json in WrongTypes().Take(40))
        {
            var (put, putBody) = await SendAsync(editor, HttpMethod.Put, $"api/items/{id}", json);
            AssertNot5xx(put, "put " + json[..Math.Min(120, json.Length)], putBody);
            Assert.NotEqual(HttpStatusCode.Accepted, put.StatusCode);
        }

        foreach (string vector in Vectors)
        {
            var revision = ValidSubmission(vector);
            revision["version"] = 1;
            var (put, putBody) = await SendAsync(editor, HttpMethod.Put, $"api/items/{id}", revision.ToJsonString());
            AssertNot5xx(put, "put vector", putBody);
            if (put.StatusCode == HttpStatusCode.Accepted)
            {
                accepted.Add(id);
                break;
            }
        }

        // Nothing stuck: every accepted item's checks ran and its review opened.
        Assert.NotEmpty(accepted);
        foreach (string item in accepted.Distinct())
        {
            await editor.WaitForItemAsync(item, i => (string?)i["status"] == "InReview", timeoutSeconds: 120);
        }
    }
}
