using Publishing.Checks;
using Publishing.Items;

namespace Publishing.Tests.Checks;

public class ConfidentialityCheckTests
{
    [Theory]
    [InlineData("秘密★1年", "秘密★")]
    [InlineData("机密★长期", "机密★")]
    [InlineData("绝密★10年", "绝密★")]
    [InlineData("内部资料 注意保存", "内部资料 注意保存")]
    [InlineData("内部文件　注意保存", "内部文件　注意保存")]
    [InlineData("工作秘密", "工作秘密")]
    [InlineData("不宜公开", "不宜公开")]
    [InlineData("机密", "机密")]
    public void SecrecyMarking_IsBlocked(string stampLine, string excerpt)
    {
        var report = CheckRunner.Body($"{stampLine}\n关于开展专项检查的通知\n各单位：现将有关事项通知如下。");

        var finding = Assert.Single(report.Findings, f => f.Aspect == Aspects.Confidentiality);
        Assert.Equal(Severities.Block, finding.Severity);
        Assert.Equal(excerpt, finding.Excerpt);
    }

    [Theory]
    [InlineData("严格执行保密审查制度，防止泄露国家秘密、工作秘密和敏感信息。")]
    [InlineData("对涉及国家秘密、商业秘密和个人隐私的，依法不予公开。")]
    [InlineData("不予公开的信息应当说明理由。")]
    [InlineData("工作秘密和敏感信息不得在政府网站发布。")]
    [InlineData("各单位要加强内部资料管理，注意保存原始记录。")]
    public void ProseAboutSecrets_IsNotAMarking(string sentence)
    {
        var report = CheckRunner.Body(sentence);

        Assert.DoesNotContain(report.Findings, f => f.Aspect == Aspects.Confidentiality);
    }

    [Fact]
    public void DisclosureModeNotDisclosed_IsBlocked()
    {
        var report = CheckRunner.Body("正文。", metadata: new ItemMetadata(DisclosureMode: DisclosureModes.NotDisclosed));

        var finding = Assert.Single(report.Rule("confidentiality.not-disclosed"));
        Assert.Equal(Severities.Block, finding.Severity);
    }

    [Theory]
    [InlineData("身份证号110101199003074258。", "110101199003074258", "110101********4258", "id-card")]
    [InlineData("身份证号码：11010519491231002X", "11010519491231002X", "110105********002X", "id-card")]
    [InlineData("老证号370102850101123，", "370102850101123", "370102*****1123", "id-card")]
    [InlineData("手机号码13800138000。", "13800138000", "138****8000", "mobile")]
    [InlineData("手机19912345678", "19912345678", "199****5678", "mobile")]
    [InlineData("补贴发放至6222021234567890128", "6222021234567890128", "***************0128", "bank-card")]
    [InlineData("卡号6212261202011584340。", "6212261202011584340", "***************4340", "bank-card")]
    [InlineData("来信请发zhangsan@163.com。", "zhangsan@163.com", "z***@163.com", "email")]
    public void UnmaskedPersonalData_IsBlocked_ShownMaskedAtItsPosition(string sentence, string data, string masked, string kind)
    {
        var report = CheckRunner.Body(sentence);

        var finding = Assert.Single(report.Rule("confidentiality.personal-data"));
        Assert.Equal("confidentiality.personal-data." + kind, finding.RuleId);
        Assert.Equal(Severities.Block, finding.Severity);
        // The reviewer sees the masked form, offered as the fix, and can still find the number by its position.
        Assert.Equal((masked, masked), (finding.Excerpt, finding.Suggestion));
        string title = "关于做好政务公开工作的通知";
        Assert.Equal(title.Length + 1 + sentence.IndexOf(data, StringComparison.Ordinal), finding.Start);
        Assert.Equal(data.Length, finding.Length);
        Assert.Equal(data, report.SanitizedHtml.Substring(finding.HtmlStart!.Value, finding.HtmlLength!.Value));
    }

    [Theory]
    [InlineData("身份证号370102********1234")] // masked ID
    [InlineData("联系电话138****5678")] // masked mobile
    [InlineData("统一社会信用代码：11370100MB28696235")] // 18-character organisation code
    [InlineData("统一社会信用代码91370100163044220Y")]
    [InlineData("索引号: 11370100MB28696235/2020-00757")]
    [InlineData("索引号1123045263/swj/2023-0000044")]
    [InlineData("文号临政办字〔2023〕45号")]
    [InlineData("发布日期2022-05-23，成文日期20220523")]
    [InlineData("12345政务服务便民热线")] // hotline
    [InlineData("全市生产总值达到5465012345678901元")] // long statistics number
    [InlineData("编号1101011990030742581")] // ID digits inside a longer run
    [InlineData("编号913800138000")] // mobile digits inside a longer run
    [InlineData("110101199003074259")] // checksum wrong
    [InlineData("13800138000123")] // longer than a mobile
    [InlineData("卡号6222021234567890127")] // fails Luhn
    [InlineData("邮箱z***@163.com")] // masked e-mail
    public void NotPersonalData_IsNotFlagged(string sentence)
    {
        var report = CheckRunner.Body(sentence);

        Assert.DoesNotContain(report.Findings, f => f.Aspect == Aspects.Confidentiality && f.Severity == Severities.Block);
    }
}
