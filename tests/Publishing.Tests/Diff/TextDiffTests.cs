using Publishing.Diff;
using Publishing.Items;

namespace Publishing.Tests.Diff;

public class TextDiffTests
{
    [Fact]
    public void OneChangedHanCharacter_IsShownAsThatCharacterOnly()
    {
        var diff = TextDiff.Compute("推进决策公开。", "推动决策公开。");

        Assert.Equal(
            [new DiffSegment(DiffKinds.Equal, "推"), new DiffSegment(DiffKinds.Deleted, "进"), new DiffSegment(DiffKinds.Inserted, "动"),
             new DiffSegment(DiffKinds.Equal, "决策公开。")],
            diff);
    }

    [Fact]
    public void NumbersAndLatinWords_ChangeAsWholeWords()
    {
        var diff = TextDiff.Compute("临政办字〔2022〕45号 PDF版", "临政办字〔2023〕45号 Word版");

        Assert.Contains(new DiffSegment(DiffKinds.Deleted, "2022"), diff);
        Assert.Contains(new DiffSegment(DiffKinds.Inserted, "2023"), diff);
        Assert.Contains(new DiffSegment(DiffKinds.Deleted, "PDF"), diff);
        Assert.Contains(new DiffSegment(DiffKinds.Inserted, "Word"), diff);
    }

    [Fact]
    public void UnchangedParagraphs_StayEqual_AndAnAddedParagraphIsOneInsertion()
    {
        string before = "一、总体要求\n坚持以公开为常态。\n二、重点任务";
        string after = "一、总体要求\n坚持以公开为常态。\n（一）推进规划公开。\n二、重点任务";

        var diff = TextDiff.Compute(before, after);

        Assert.Equal(
            [new DiffSegment(DiffKinds.Equal, "一、总体要求\n坚持以公开为常态。\n"), new DiffSegment(DiffKinds.Inserted, "（一）推进规划公开。\n"),
             new DiffSegment(DiffKinds.Equal, "二、重点任务")],
            diff);
    }

    [Theory]
    [InlineData("", "新稿件正文")]
    [InlineData("旧正文", "")]
    [InlineData("第一段\n第二段\n", "第一段\n第二段改\n第三段")]
    [InlineData("𠀀字（扩展B区）与😀", "𠀁字（扩展B区）与😃")]
    [InlineData("a  b\tc", "a b\tc d")]
    [InlineData("同一段", "同一段")]
    public void Segments_RebuildBothTextsExactly(string before, string after)
    {
        var diff = TextDiff.Compute(before, after);

        Assert.Equal(before, string.Concat(diff.Where(s => s.Kind != DiffKinds.Inserted).Select(s => s.Text)));
        Assert.Equal(after, string.Concat(diff.Where(s => s.Kind != DiffKinds.Deleted).Select(s => s.Text)));
        Assert.DoesNotContain(diff, s => s.Text.Length == 0);
    }

    [Fact]
    public void AHugeRewrittenBlock_IsShownAsReplacedWithoutComparingUnitByUnit()
    {
        string before = new('甲', TextDiff.MaxUnitsPerBlock);
        string after = new('乙', TextDiff.MaxUnitsPerBlock);

        var diff = TextDiff.Compute(before, after);

        Assert.Equal([new DiffSegment(DiffKinds.Deleted, before), new DiffSegment(DiffKinds.Inserted, after)], diff);
    }

    [Fact]
    public void Chunker_SplitsHanAndPunctuation_KeepsDigitAndSpaceRuns()
    {
        Assert.Equal(["临", "政", "〔", "2023", "〕", "45", "号", "  ", "v2", "\n"], ChineseWordChunker.Instance.Chunk("临政〔2023〕45号  v2\n"));
    }

    [Fact]
    public void Compare_ListsChangedMetadataWithChineseLabels()
    {
        var metadata = new ItemMetadata(Publisher: "临沂市商务局", DocumentNumber: "临商务字[2023]12号", DisclosureMode: "主动公开");
        var v1 = new VersionDocument("policy", "通知", metadata, ["website"], null, null, "editor1", DateTimeOffset.UnixEpoch);
        var v2 = v1 with { Metadata = metadata with { DocumentNumber = "临商务字〔2023〕12号" }, Channels = ["website", "wechat"] };

        var diff = VersionComparer.Compare("x", new ComparedVersion(1, "<p>正文</p>", v1), new ComparedVersion(2, "<p>正文</p>", v2));

        Assert.Equal(
            [new FieldChange("metadata.documentNumber", "文号", "临商务字[2023]12号", "临商务字〔2023〕12号"),
             new FieldChange("channels", "发布渠道", "website", "website、wechat")],
            diff.Fields);
        Assert.Equal(0, diff.InsertedCharacters + diff.DeletedCharacters);
    }

    [Fact]
    public void Compare_DiffsTheTextReadersSee_NotTheMarkup()
    {
        var doc = new VersionDocument("news", "标题", new ItemMetadata(), ["website"], null, null, "editor1", DateTimeOffset.UnixEpoch);

        var diff = VersionComparer.Compare("x",
            new ComparedVersion(1, "<p>各科室要<strong>按照</strong>要求</p>", doc),
            new ComparedVersion(2, "<p style=\"text-align:center\">各科室要严格按照要求</p>", doc));

        Assert.Equal(2, diff.InsertedCharacters);
        Assert.Equal(0, diff.DeletedCharacters);
        Assert.Contains(new DiffSegment(DiffKinds.Inserted, "严格"), diff.Body);
    }
}
