using Microsoft.Extensions.Logging;

namespace Publishing.Checks;

static partial class ChecksLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Loaded {RuleCount} check rules ({StateCount} automaton states) from {Folder}")]
    public static partial void RulesLoaded(ILogger logger, int ruleCount, int stateCount, string folder);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Critical, Message = "Check rules in {Folder} are invalid: {Reason}")]
    public static partial void RulesInvalid(ILogger logger, string folder, string reason);
}
