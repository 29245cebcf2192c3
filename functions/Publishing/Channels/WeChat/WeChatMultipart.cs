using System.Net.Http.Headers;

namespace Publishing.Channels.WeChat;

/// <summary>The multipart body WeChat's media endpoints accept: one file part named <c>media</c>.</summary>
internal static class WeChatMultipart
{
    public static MultipartFormDataContent Media(byte[] bytes, string fileName, string contentType)
    {
        string boundary = "----WeChatMedia" + Guid.NewGuid().ToString("N");
        var content = new MultipartFormDataContent(boundary);
        // .NET quotes the boundary and adds an RFC 5987 filename*; WeChat's parser has been known to reject both
        // ("41005 media data missing"), so the headers are written in the plain form its documentation shows.
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=" + boundary);
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
        {
            Name = "\"media\"",
            FileName = "\"" + AsciiFileName(fileName, contentType) + "\"",
        };
        content.Add(file);
        return content;
    }

    /// <summary>WeChat only needs the extension to know the type; a Chinese file name would need escaping it does not read.</summary>
    static string AsciiFileName(string fileName, string contentType)
    {
        string extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        if (extension is not (".jpg" or ".jpeg" or ".png" or ".gif" or ".bmp"))
        {
            extension = contentType.Contains("png", StringComparison.OrdinalIgnoreCase) ? ".png" : ".jpg";
        }

        string stem = Path.GetFileNameWithoutExtension(fileName ?? string.Empty);
        bool plain = stem.Length > 0 && stem.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
        return (plain ? stem : "image") + extension;
    }
}
