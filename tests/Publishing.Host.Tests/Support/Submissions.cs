namespace Publishing.Host.Tests.Support;

/// <summary>Realistic submissions, modelled on the seed documents.</summary>
public static class Submissions
{
    /// <param name="version">For PUT: the version being revised.</param>
    public static object Policy(string orgCode = "1123045263", string? title = null, string body = DefaultBody, string? documentNumber = "临商务字〔2023〕12号", int? version = null) => new
    {
        version,
        kind = "policy",
        title = title ?? "临沂市商务局关于印发《2023年政务公开工作要点》的通知",
        bodyHtml = body,
        metadata = new
        {
            publisher = "临沂市商务局",
            orgCode,
            documentNumber,
            disclosureMode = "主动公开",
            category = "商务",
            validity = "有效",
            writtenDate = "2023-06-20",
        },
        channels = new[] { "website", "wechat", "weibo" },
    };

    public const string DefaultBody =
        "<h2>一、总体要求</h2><p>以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》，" +
        "坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。</p>" +
        "<p>各科室要按照要求，做好政府信息公开工作，及时回应社会关切。</p>";
}
