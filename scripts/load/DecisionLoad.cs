// Decision latency with many items in flight, against a running local host:
//   dotnet run scripts/load/DecisionLoad.cs -- <base-url> <items> <concurrency>
// Tokens come from the environment (TOKEN_editor1, TOKEN_reviewer1, TOKEN_reviewer2, TOKEN_reviewer3; scripts/load.sh sets them).
// Submits <items> items, waits until every one awaits 初审, then decides all of them stage by stage with <concurrency>
// requests at a time and reports p50/p95/max of the decision requests (200 = the decision took effect) and the load average.
#:property PublishAot=false
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

string baseUrl = args.Length > 0 ? args[0] : "http://127.0.0.1:7071/";
int count = args.Length > 1 ? int.Parse(args[1]) : 100;
int concurrency = args.Length > 2 ? int.Parse(args[2]) : 20;

HttpClient Client(string user)
{
    var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(120) };
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
        Environment.GetEnvironmentVariable("TOKEN_" + user) ?? throw new InvalidOperationException($"TOKEN_{user} is not set"));
    return client;
}

string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

var editor = Client("editor1");
Console.WriteLine($"load average before: {LoadAverage()}; {count} items, {concurrency} concurrent decisions");
var gate = new SemaphoreSlim(concurrency);
var submitWatch = Stopwatch.StartNew();
var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
{
    await gate.WaitAsync();
    try
    {
        var response = await editor.PostAsJsonAsync("api/items", new
        {
            kind = "news",
            title = $"负载测试稿件 {i}",
            bodyHtml = "<p>临沂市商务局召开外贸企业座谈会，听取企业意见建议，推动政务公开工作落实。</p>",
            metadata = new { publisher = "临沂市商务局", orgCode = "1123045263", disclosureMode = "主动公开", category = "商务" },
            channels = new[] { "website" },
        });
        response.EnsureSuccessStatusCode();
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }
    finally
    {
        gate.Release();
    }
}));
Console.WriteLine($"submitted {count} in {submitWatch.Elapsed.TotalSeconds:0.0} s");

async Task WaitForStageAsync(string stage)
{
    var watch = Stopwatch.StartNew();
    var pending = new HashSet<string>(ids);
    while (pending.Count > 0)
    {
        if (watch.Elapsed > TimeSpan.FromMinutes(10))
        {
            throw new TimeoutException($"{pending.Count} items never reached {stage}");
        }

        foreach (string id in pending.ToList())
        {
            var item = JsonNode.Parse(await editor.GetStringAsync($"api/items/{id}"))!;
            if ((string?)item["status"] == "InReview" && (string?)item["stage"] == stage)
            {
                pending.Remove(id);
            }
        }

        await Task.Delay(200);
    }

    Console.WriteLine($"all {count} await {stage} after {watch.Elapsed.TotalSeconds:0.0} s");
}

var all = new List<double>();
foreach (var (stage, user) in new[] { ("initial", "reviewer1"), ("second", "reviewer2"), ("final", "reviewer3") })
{
    await WaitForStageAsync(stage);
    var reviewer = Client(user);
    var results = await Task.WhenAll(ids.Select(async id =>
    {
        await gate.WaitAsync();
        try
        {
            var watch = Stopwatch.StartNew();
            var response = await reviewer.PostAsJsonAsync($"api/items/{id}/reviews", new
            {
                stage, decision = "approve", version = 1,
                aspects = new { political = true, legal = true, confidentiality = true, textual = true },
            });
            return (watch.Elapsed.TotalSeconds, response.StatusCode);
        }
        finally
        {
            gate.Release();
        }
    }));
    var seconds = results.Select(r => r.TotalSeconds).Order().ToList();
    all.AddRange(seconds);
    Console.WriteLine($"{stage}: p50 {Percentile(seconds, 50):0.00} s, p95 {Percentile(seconds, 95):0.00} s, max {seconds[^1]:0.00} s; " +
        string.Join(", ", results.GroupBy(r => (int)r.StatusCode).Select(g => $"{g.Key}×{g.Count()}")) + $"; load average {LoadAverage()}");
}

all.Sort();
Console.WriteLine($"all decisions: p50 {Percentile(all, 50):0.00} s, p95 {Percentile(all, 95):0.00} s, max {all[^1]:0.00} s; " +
    $"within 5 s: {all.Count(s => s <= 5)}/{all.Count}; load average after: {LoadAverage()}");

static double Percentile(List<double> sorted, int p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
