namespace Publishing.Checks.Detectors;

/// <summary>One family of checks over an item's visible text and metadata.</summary>
public interface ICheck
{
    void Run(CheckContext context, FindingCollector findings);
}
