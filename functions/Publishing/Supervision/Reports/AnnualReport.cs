namespace Publishing.Supervision.Reports;

/// <summary>Figures for the 政府信息公开工作年度报告 (国办公开办函〔2021〕30号), one calendar year in China time.</summary>
/// <param name="ItemsDisclosed">Items proactively disclosed (published on at least one channel) in the year.</param>
/// <param name="ByChannel">website / weibo / wechat → items published there.</param>
/// <param name="ByKind">news / policy / interpretation / notice → items disclosed.</param>
public sealed record AnnualReport(
    int Year,
    int ItemsDisclosed,
    IReadOnlyDictionary<string, int> ByChannel,
    IReadOnlyDictionary<string, int> ByKind,
    int PolicyDocuments,
    int Interpretations,
    int Retractions,
    ReviewStatistics Reviews);

/// <param name="ItemsReviewed">Items with at least one review decision in the year.</param>
/// <param name="ReturnedForRevision">Decisions in the year that returned an item for revision.</param>
public sealed record ReviewStatistics(int ItemsReviewed, int ReturnedForRevision, IReadOnlyList<StageDuration> Stages);

/// <summary>Mean working days from a stage opening to its decision, over the year's decisions at that stage.</summary>
public sealed record StageDuration(string Stage, int Decisions, double MeanWorkingDays);

/// <summary>One item as the report needs it.</summary>
public sealed record ReportItem(
    string ItemId,
    string Kind,
    Lifecycle.ItemStatus Status,
    IReadOnlyList<ReportPublication> Publications,
    IReadOnlyList<Lifecycle.ReviewRecord> Reviews,
    IReadOnlyList<StageOpening> StageOpenings);

/// <summary>A channel's publication record: state and when it last changed.</summary>
public sealed record ReportPublication(string Channel, Lifecycle.ChannelState State, DateTimeOffset At);

/// <summary>When a review stage opened for a version (audit action stage-opened).</summary>
public sealed record StageOpening(string Stage, int Version, DateTimeOffset At);
