using System.Globalization;
using Publishing.Calendar;
using Publishing.Checks;
using Publishing.Checks.Catalog;
using Publishing.Content;
using Publishing.Items;
using Publishing.Tests.Channels;

namespace Publishing.Tests.Checks.Calibration;

/// <summary>One document of the calibration corpus (a line of manifest.tsv) and what the checks found in it.</summary>
public sealed record CalibrationDocument(
    string File, string Kind, string Title, string Source, string? WrittenDate, string? PublishedDate, string Expectation, string Notes)
{
    public const string Clean = "clean";
    public const string Damaged = "damaged";

    /// <summary>The day the document is checked at: when it was published, else written, else a fixed day.</summary>
    public DateOnly CheckedOn => DateOnly.ParseExact(PublishedDate ?? WrittenDate ?? "2025-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record CalibrationResult(CalibrationDocument Document, int Characters, CheckReport Report);

/// <summary>
/// The real documents of Checks/Calibration (manifest.tsv) run through the shipped rules, each at the day it was
/// published (the clock decides the disclosure deadline; the written date decides who held which office).
/// </summary>
public static class CalibrationCorpus
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Checks", "Calibration");

    static readonly Lazy<IReadOnlyList<CalibrationResult>> Results = new(Run);

    public static IReadOnlyList<CalibrationDocument> Documents() =>
        [.. File.ReadLines(Path.Combine(Folder, "manifest.tsv"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t'))
            .Select(c => new CalibrationDocument(c[0], c[1], c[2], c[3], Empty(c[4]), Empty(c[5]), c[6], c[7]))];

    /// <summary>Every document checked once per test run.</summary>
    public static IReadOnlyList<CalibrationResult> All => Results.Value;

    public static string Text(CalibrationDocument document) =>
        File.ReadAllText(Path.Combine(Folder, document.File)).Replace("\r", "", StringComparison.Ordinal).TrimEnd('\n');

    static IReadOnlyList<CalibrationResult> Run()
    {
        var sanitizer = new ArticleSanitizer();
        var rules = RuleSetLoader.Load(CheckRunner.RulesFolder);
        var calendar = WorkingDayCalendar.LoadEmbedded();
        return [.. Documents().Select(document =>
        {
            var day = document.CheckedOn.ToDateTime(new TimeOnly(10, 0));
            var clock = new ManualTimeProvider(new DateTimeOffset(day, WorkingDayCalendar.ChinaOffset));
            var pipeline = new CheckPipeline(sanitizer, rules, clock, TimeSpan.FromMinutes(10), calendar);
            var metadata = new ItemMetadata(DisclosureMode: DisclosureModes.Proactive, WrittenDate: document.WrittenDate);
            var report = pipeline.Run(new CheckDraft(ItemKinds.News, document.Title, CheckRunner.Paragraphs(Text(document)), metadata, null));
            int characters = VisibleText.ForItem(document.Title, VisibleTextExtractor.Extract(report.SanitizedHtml)).Text.Length;
            return new CalibrationResult(document, characters, report);
        })];
    }

    static string? Empty(string cell) => cell.Length == 0 ? null : cell;
}
