namespace Publishing.Checks.Detectors;

static class Cjk
{
    public static bool IsIdeograph(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>Full-width sentence punctuation and brackets of Chinese text.</summary>
    public static bool IsPunctuation(char c) => "，。、；：？！“”‘’《》（）【】〔〕…—".Contains(c);
}
