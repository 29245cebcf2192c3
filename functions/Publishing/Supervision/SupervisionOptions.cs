namespace Publishing.Supervision;

/// <summary>Supervision monitors and thresholds (section <c>Publishing:Supervision</c>). Tests shorten the periods.</summary>
public sealed class SupervisionOptions
{
    public const string Section = "Publishing:Supervision";

    /// <summary>The new-media accounts under supervision (website columns, the WeChat account, the Weibo account).</summary>
    public List<SupervisedAccount> Accounts { get; set; } = [];

    /// <summary>How often the staleness monitor evaluates the accounts.</summary>
    public TimeSpan StalenessPeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>No update for this long → warning (weekly update duty).</summary>
    public TimeSpan WarningAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>No update for this long → alarm (two weeks is a single-veto fault, 国办秘函〔2019〕19号).</summary>
    public TimeSpan AlarmAfter { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// Whether a preview (nothing sent, no credentials) counts as a publication. Off by default: the public saw nothing,
    /// so the account was not updated.
    /// </summary>
    public bool CountPreviewAsPublished { get; set; }

    /// <summary>How often published policies are scanned for their interpretation deadline.</summary>
    public TimeSpan InterpretationPeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>政策解读三同步: the interpretation is due this many working days after the policy is published.</summary>
    public int InterpretationWorkingDays { get; set; } = 3;

    /// <summary>How often the expression patrol re-checks every published website item.</summary>
    public TimeSpan PatrolPeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often unpublished proactive items are scanned for their disclosure deadline.</summary>
    public TimeSpan DisclosurePeriod { get; set; } = TimeSpan.FromHours(6);

    /// <summary>主动公开 within this many working days of being formed (政府信息公开条例 第二十六条: 20).</summary>
    public int DisclosureWorkingDays { get; set; } = Checks.Detectors.DisclosureDeadlineCheck.WorkingDays;

    /// <summary>An item due within this many working days is reported as due soon.</summary>
    public int DisclosureDueSoonWorkingDays { get; set; } = 3;

    /// <summary>
    /// The website columns watched for freshness, by id. Defaults: news 14 days, notice and policy 6 months; a
    /// setting changes a default (Columns__news__Days=7), adds a column (Columns__shangwu__Kind=news, __Category=商务)
    /// or switches one off (Columns__notice__Enabled=false).
    /// </summary>
    public Dictionary<string, Columns.SupervisedColumn> Columns { get; set; } = Supervision.Columns.SupervisedColumn.Defaults();

    /// <summary>How often the column-freshness monitor evaluates the columns.</summary>
    public TimeSpan ColumnPeriod { get; set; } = TimeSpan.FromHours(6);

    public bool Counts(Lifecycle.ChannelState state) =>
        state == Lifecycle.ChannelState.Published || (CountPreviewAsPublished && state == Lifecycle.ChannelState.Previewed);
}
