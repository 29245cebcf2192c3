namespace Publishing.Checks.Detectors;

/// <summary>文字关: images without alternative text, which screen readers (适老化、无障碍) cannot describe.</summary>
public sealed class ImageAltCheck : ICheck
{
    public void Run(CheckContext context, FindingCollector findings)
    {
        foreach (var image in context.Visible.Images)
        {
            if (string.IsNullOrWhiteSpace(image.Alt))
            {
                findings.Add(Aspects.Textual, "textual.image-alt", Severities.Warn,
                    "图片缺少替代文字（alt）。请为图片填写简要说明，便于视障用户和适老化阅读。",
                    image.TextPosition, 0, image.HtmlStart, image.HtmlLength);
            }
        }
    }
}
