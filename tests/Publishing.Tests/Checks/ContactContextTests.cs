using Publishing.Checks;

namespace Publishing.Tests.Checks;

/// <summary>
/// Personal data judged by context. Sentences are taken from real published documents of the calibration corpus
/// (Checks/Calibration/manifest.tsv names their sources); private persons' numbers in them are replaced by
/// fictitious ones of the same form.
/// </summary>
public class ContactContextTests
{
    [Theory]
    // n03 诸暨市政协 (https://a62530.com/n2016-11-15/541826.html): the office's qq.com mailbox.
    [InlineData("提交提案线索的方式:1.邮寄到诸暨市政协办公室;2.传真:0575-87115762;3.发送到电子邮箱:527050979@qq.com。", "5***@qq.com")]
    // n02 海林市政协提案委员会: a 163.com mailbox after 电子邮箱.
    [InlineData("提案线索可发送至电子邮箱18745358881@163.com,或邮寄至海林市政协提案委员会,邮编:157199。", "1***@163.com")]
    // n08 甘肃省住房和城乡建设厅: a yahoo mailbox in the contact line.
    [InlineData("邮编:730030,电子邮箱:gsjswmb@yahoo.com.cn", "g***@yahoo.com.cn")]
    // 望奎县政府信息公开指南: 电子邮箱:wkzwfw@163.com in the office's contact block.
    [InlineData("联系电话:0455-6462877;\n电子邮箱:wkzwfw@163.com(此邮箱不接收依申请公开);", "w***@163.com")]
    // Right after an organisation's name.
    [InlineData("县政务公开办公室wkzwfw@163.com", "w***@163.com")]
    public void OfficeMailboxOnAnyProvider_IsAWarningToConfirm(string sentence, string masked)
    {
        var finding = Assert.Single(CheckRunner.Body(sentence).Rule("confidentiality.personal-data.email"));

        Assert.Equal((Severities.Warn, masked, null), (finding.Severity, finding.Excerpt, finding.Replacement));
    }

    [Theory]
    [InlineData("联系人:张三,邮箱:zhangsan@163.com")] // a private person's name right before
    [InlineData("联系人：王玮琼\n邮箱：wangwq@126.com")] // the 联系人 line above
    [InlineData("来信请发zhangsan@163.com。")] // no context at all
    [InlineData("王老师的邮箱zhangsan@qq.com")] // a surname with an honorific
    public void MailboxNextToAPrivatePerson_OrWithoutContext_StaysBlocked(string sentence)
    {
        var finding = Assert.Single(CheckRunner.Body(sentence).Rule("confidentiality.personal-data.email"));

        Assert.Equal(Severities.Block, finding.Severity);
        Assert.Contains("***@", finding.Replacement, StringComparison.Ordinal);
    }

    [Theory]
    // n02 海林市政协: the office's published contact phone is a mobile number.
    [InlineData("联系电话:18745358881", Severities.Warn)]
    [InlineData("海林市政协提案委员会18745358881", Severities.Warn)]
    [InlineData("联系人:王玮琼,联系电话:13800138000", Severities.Block)]
    [InlineData("联系人：王玮琼\n联系电话：13800138000", Severities.Block)]
    [InlineData("王老师13800138000", Severities.Block)]
    [InlineData("张三(13800138000)", Severities.Block)]
    [InlineData("手机13800138000", Severities.Block)]
    [InlineData("请拨打13800138000咨询", Severities.Block)]
    public void MobileNumber_IsJudgedByWhoseContactItIs(string sentence, string severity)
    {
        var finding = Assert.Single(CheckRunner.Body(sentence).Rule("confidentiality.personal-data.mobile"));

        Assert.Equal(severity, finding.Severity);
        Assert.Contains("****", finding.Excerpt, StringComparison.Ordinal);
    }

    [Theory]
    // g01 (人民日报): 举报电话:010—84233460, 010—12380; a01 南平: 电话:0599-8830330, 传真:0599-8891101; a09 大足: 023-81090002.
    [InlineData("举报电话:010—84233460\n二、中央组织部举报中心\n举报电话:010—12380")]
    [InlineData("(办公地址:福建省南平市八一路439号,邮编:353000,电话:0599-8830330,传真:0599-8891101)")]
    [InlineData("联系方式:023-81090002")]
    [InlineData("12345政务服务便民热线")]
    [InlineData("联系电话:(0931)4609766,4609710(兼传真)。")]
    public void OfficeLandlinesAndHotlines_AreNotPersonalData(string sentence)
    {
        Assert.Empty(CheckRunner.Body(sentence).Rule("confidentiality.personal-data"));
    }

    [Theory]
    // GB 11643-1999's own worked example: 广东省汕头市潮阳县, born 1 January 1880.
    [InlineData("身份证号440524188001010014", "440524********0014")]
    // Checksum valid, birth date 2月30日 that does not exist (a typo in the date is still someone's number).
    [InlineData("身份证号码110105198802300013", "110105********0013")]
    // Checksum valid, unknown region code 99.
    [InlineData("证件号990105199003070010", "990105********0010")]
    public void ChecksumValidIdNumber_IsBlocked_WhateverItsDateOrRegion(string sentence, string masked)
    {
        var finding = Assert.Single(CheckRunner.Body(sentence).Rule("confidentiality.personal-data.id-card"));

        Assert.Equal((Severities.Block, masked, masked), (finding.Severity, finding.Excerpt, finding.Replacement));
    }

    [Theory]
    [InlineData("身份证号440524188001010015")] // check digit wrong
    [InlineData("索引号113715250044422281/2021-26757114")] // 冠县's 索引号 prefix, labelled
    public void NumbersFailingTheCheckDigitOrLabelled_AreNotIdNumbers(string sentence)
    {
        Assert.Empty(CheckRunner.Body(sentence).Rule("confidentiality.personal-data.id-card"));
    }
}
