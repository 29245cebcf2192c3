using System.Text.Json;
using Publishing.Identity;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Review;

namespace Publishing.Tests.Identity;

/// <summary>Who may read an item, one row per (reader, item state). Everyone else must get 404.</summary>
public class ItemReadPolicyTests
{
    static CurrentUser User(string id, params string[] roles) => new(id, id, roles.ToHashSet());

    static readonly Dictionary<string, CurrentUser> Users = new()
    {
        ["editor1"] = User("editor1", Roles.Editor),
        ["editor2"] = User("editor2", Roles.Editor),
        ["initial"] = User("reviewer1", Roles.InitialReviewer),
        ["initial-other"] = User("reviewer1b", Roles.InitialReviewer),
        ["second"] = User("reviewer2", Roles.SecondReviewer),
        ["final"] = User("reviewer3", Roles.FinalReviewer),
        ["admin"] = User("admin1", Roles.Admin),
        ["auditor"] = User("auditor1", Roles.Auditor),
        ["norole"] = User("someone"),
        // An editor who also reviews 初审 reads what each role allows, no more.
        ["editor2+initial"] = User("editor2", Roles.Editor, Roles.InitialReviewer),
    };

    /// <summary>editor1's item; reviewer1 approved 初审 in states past it.</summary>
    static ItemRecord Item(string state)
    {
        var item = new ItemRecord { RowKey = new string('a', 32), SubmittedBy = "editor1", Version = 1 };
        (item.Status, item.Stage) = state switch
        {
            "submitted" => (ItemStatus.Submitted, (string?)null),
            "initial" => (ItemStatus.InReview, ReviewStages.Initial),
            "second" => (ItemStatus.InReview, ReviewStages.Second),
            "returned" => (ItemStatus.ReturnedForRevision, null),
            "published" => (ItemStatus.Published, null),
            "partially" => (ItemStatus.PartiallyPublished, null),
            "retracted" => (ItemStatus.Retracted, null),
            "withdrawn" => (ItemStatus.Withdrawn, null),
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        if (state is "second" or "returned" or "published" or "partially" or "retracted")
        {
            item.ReviewsJson = JsonSerializer.Serialize(new[]
            {
                new ReviewRecord(ReviewStages.Initial, Decisions.Approve, new ReviewAspects(true, true, true, true), null,
                    "reviewer1", "张初审", DateTimeOffset.UnixEpoch, 1, "c1"),
            }, ItemReadModel.Json);
        }

        return item;
    }

    [Theory]
    // The submitter reads their own item in every state.
    [InlineData("editor1", "submitted", true)]
    [InlineData("editor1", "returned", true)]
    [InlineData("editor1", "withdrawn", true)]
    // Another editor reads it only once it is public.
    [InlineData("editor2", "submitted", false)]
    [InlineData("editor2", "initial", false)]
    [InlineData("editor2", "returned", false)]
    [InlineData("editor2", "withdrawn", false)]
    [InlineData("editor2", "published", true)]
    [InlineData("editor2", "partially", true)]
    [InlineData("editor2", "retracted", false)] // retracted is gone everywhere
    // Reviewers: items waiting at their stage, and those they decided.
    [InlineData("initial", "submitted", false)]  // checks still running: not yet waiting for anyone
    [InlineData("initial", "initial", true)]
    [InlineData("initial-other", "initial", true)] // any 初审 reviewer may pick it up
    [InlineData("initial", "second", true)]      // reviewer1 decided 初审
    [InlineData("initial-other", "second", false)]
    [InlineData("initial", "returned", true)]
    [InlineData("initial", "retracted", true)]
    [InlineData("second", "initial", false)]     // not yet at 复审
    [InlineData("second", "second", true)]
    [InlineData("second", "returned", false)]
    [InlineData("final", "second", false)]
    [InlineData("final", "published", false)]    // published, but not decided by this reviewer
    // Admin and Auditor read everything.
    [InlineData("admin", "submitted", true)]
    [InlineData("admin", "withdrawn", true)]
    [InlineData("auditor", "returned", true)]
    [InlineData("auditor", "retracted", true)]
    // No role, nothing.
    [InlineData("norole", "published", false)]
    [InlineData("norole", "initial", false)]
    // Several roles: the union, no more.
    [InlineData("editor2+initial", "initial", true)]
    [InlineData("editor2+initial", "second", false)]
    [InlineData("editor2+initial", "published", true)]
    public void CanRead(string reader, string state, bool expected)
    {
        Assert.Equal(expected, ItemReadPolicy.CanRead(Users[reader], Item(state)));
    }

    [Fact]
    public void ReviewRecordOfAnEditorNamedLikeAReviewer_GivesNoReviewerAccess()
    {
        // Only someone holding a reviewer role gets the "decided it" access.
        var item = Item("second");
        Assert.False(ItemReadPolicy.CanRead(User("reviewer1"), item));
    }
}
