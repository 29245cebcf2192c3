using System.Net;
using System.Text.Json.Nodes;

namespace Publishing.Host.Tests.Support;

/// <summary>Takes a submission through all three review stages.</summary>
public static class ReviewFlow
{
    public static readonly string[] FinalStatuses = ["Published", "PartiallyPublished", "Failed", "Scheduled"];

    public static async Task<string> ApproveAllAsync(Uri host, object submission, string editor = "editor1")
    {
        using var author = new ApiClient(host, editor);
        string id = await author.SubmitAsync(submission);
        foreach (var (stage, reviewer) in new[] { ("initial", "reviewer1"), ("second", "reviewer2"), ("final", "reviewer3") })
        {
            using var client = new ApiClient(host, reviewer);
            await author.WaitForStageAsync(id, stage);
            var response = await client.ReviewAsync(id, stage, "approve");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{stage} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return id;
    }

    public static Task<JsonNode> WaitForPublishedAsync(ApiClient client, string id, int timeoutSeconds = 90) =>
        client.WaitForItemAsync(id, i => FinalStatuses.Contains((string?)i["status"]), timeoutSeconds);
}
