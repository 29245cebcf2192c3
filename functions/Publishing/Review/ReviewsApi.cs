using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Publishing.Http;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Lifecycle;

namespace Publishing.Review;

/// <summary><c>POST /api/items/{id}/reviews</c>: a reviewer decides the awaited stage.</summary>
public static class ReviewsApi
{
    /// <param name="Version">The version shown to the reviewer (required): a decision counts only for the version read.</param>
    public sealed record ReviewRequest(
        string? Stage, string? Decision, ReviewAspects? Aspects,
        [property: System.ComponentModel.DataAnnotations.MaxLength(FieldLimits.Comment)] string? Comment, int? Version);

    static readonly string[] ReviewerRoles = [Roles.InitialReviewer, Roles.SecondReviewer, Roles.FinalReviewer];

    public static async Task<IResult> Decide(string id, HttpContext context, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        if (!ApiAccess.TryAuthorize(context, ReviewerRoles, out var user, out var denial))
        {
            return denial;
        }

        var body = await JsonBody.ReadAsync<ReviewRequest>(context.Request, 256 * 1024, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var request = body.Value!;
        if (Validate(request) is { Count: > 0 } errors)
        {
            return ApiProblems.Validation(errors);
        }

        string stage = request.Stage!;
        if (!user.IsInRole(ReviewStages.ReviewerRole(stage)))
        {
            return ApiProblems.Forbidden(
                $"{ReviewStages.DisplayName(stage)}只能由{Roles.DisplayName(ReviewStages.ReviewerRole(stage))}作出决定，您当前的角色无此权限。");
        }

        var services = context.RequestServices;
        var items = services.GetRequiredService<ItemReadModel>();
        if (await items.GetAsync(id, cancellationToken) is not { } item)
        {
            return ItemViews.NotFound(id);
        }

        if (item.SubmittedBy == user.Id)
        {
            return ApiProblems.Forbidden("不能审核自己提交的稿件，请由其他审核人员处理。");
        }

        if (request.Version != item.Version)
        {
            return ApiProblems.Conflict(
                $"您审阅的是第{request.Version}版，稿件现在是第{item.Version}版，决定未提交。请刷新页面，阅读最新版本后再作决定。");
        }

        if (item.Status != ItemStatus.InReview || item.Stage != stage)
        {
            string awaited = item.Status == ItemStatus.InReview
                ? $"当前等待的是{ReviewStages.DisplayName(item.Stage!)}"
                : $"稿件当前状态为“{item.Status.DisplayName()}”";
            return ApiProblems.Conflict($"{awaited}，不能作出{ReviewStages.DisplayName(stage)}决定。请刷新后查看最新状态。");
        }

        var earlier = ItemReadModel.Reviews(item).FirstOrDefault(r => r.Version == item.Version && r.Reviewer == user.Id);
        if (earlier is not null)
        {
            return ApiProblems.Forbidden(
                $"您已对该稿件第{item.Version}版作出{ReviewStages.DisplayName(earlier.Stage)}决定，同一人不能审核同一版本的两个环节。");
        }

        if (request.Decision == Decisions.Approve && item.FindingsVersion == item.Version && item.BlockFindings > 0)
        {
            return ApiProblems.Conflict(
                $"自动检查发现 {item.BlockFindings} 个阻断性问题（如密级标识、个人信息或不予公开），不能通过，只能退回修改。");
        }

        var command = new ItemCommand(
            ItemCommandType.Review, Guid.NewGuid().ToString("N"), user.Id, user.DisplayName, request.Version!.Value,
            services.GetRequiredService<TimeProvider>().GetUtcNow(), stage, request.Decision, request.Aspects,
            string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim());
        await durable.RaiseEventAsync(ItemInstances.Item(id), ItemCommand.EventName, command, cancellationToken);

        // Answer with the workflow's result: either our decision was recorded or someone else's won the race.
        var options = services.GetRequiredService<LifecycleOptions>();
        // Wait until the stage is decided and its effect recorded (next stage, returned, approved), so the answer shows it.
        ItemRecord? after = await items.WaitForAsync(id,
            r => r.Version != command.Version || !(r.Status == ItemStatus.InReview && r.Stage == stage),
            options.DecisionWait, cancellationToken);
        if (after is null)
        {
            return TypedResults.Accepted($"/api/items/{id}", await ItemViews.ViewAsync(services, item, cancellationToken));
        }

        if (after.Status == ItemStatus.NeedsAttention)
        {
            // The workflow took the command but is parked before recording it: it is recorded once an Admin resumes.
            return TypedResults.Accepted($"/api/items/{id}", await ItemViews.ViewAsync(services, after, cancellationToken));
        }

        var decided = (await ItemViews.ReviewsAsync(services, after, cancellationToken))
            .Where(x => x.Version == command.Version && x.Stage == stage).ToList();
        if (decided.All(x => x.CommandId != command.CommandId))
        {
            return ApiProblems.Conflict(decided.Count > 0
                ? $"{ReviewStages.DisplayName(stage)}已由其他审核人员作出决定，您的决定未被采用。"
                : $"稿件当前状态为“{after.Status.DisplayName()}”，您的决定未被采用。请刷新后查看最新状态。");
        }

        return TypedResults.Ok(await ItemViews.ViewAsync(services, after, cancellationToken));
    }

    static Dictionary<string, string[]> Validate(ReviewRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Stage is null || !ReviewStages.All.Contains(request.Stage))
            errors["stage"] = ["请指明审核环节：initial（初审）、second（复审）或 final（终审）。"];
        if (request.Decision is not (Decisions.Approve or Decisions.Reject))
            errors["decision"] = ["请给出审核结论：approve（通过）或 reject（退回）。"];
        if (request.Aspects is null)
            errors["aspects"] = ["请逐项填写四关审核结果：political（政治关）、legal（法律关）、confidentiality（保密关）、textual（文字关）。"];
        else if (request.Decision == Decisions.Approve && !request.Aspects.AllPassed)
        {
            var missing = new List<string>();
            if (!request.Aspects.Political) missing.Add("政治关");
            if (!request.Aspects.Legal) missing.Add("法律关");
            if (!request.Aspects.Confidentiality) missing.Add("保密关");
            if (!request.Aspects.Textual) missing.Add("文字关");
            errors["aspects"] = [$"通过须四关全部把关合格，尚未确认：{string.Join("、", missing)}。"];
        }

        if (request.Decision == Decisions.Reject && string.IsNullOrWhiteSpace(request.Comment))
            errors["comment"] = ["退回时请填写修改意见，告诉编辑需要改什么。"];
        if (FieldLimits.Check(request.Comment, FieldLimits.Comment, "审核意见", multiLine: true) is { } commentProblem)
            errors["comment"] = [commentProblem];
        if (request.Version is null)
            errors["version"] = ["请注明您审阅的版本号（version），即页面上显示的“第 N 版”。"];
        else if (request.Version < 1)
            errors["version"] = ["版本号应为从 1 开始的整数。"];
        return errors;
    }
}
