using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Publishing.Assets;

/// <summary>A picture as a channel takes it.</summary>
public sealed record ChannelImage(byte[] Bytes, string ContentType, string FileName);

/// <summary>
/// Fits stored images to a channel's limits: JPEG or PNG below a byte limit (WeChat uploadimg: 1 MB; thumb: 64 KB).
/// A file already within the limit is sent unchanged; otherwise it is re-encoded as JPEG, smaller each round.
/// </summary>
public static class ChannelImages
{
    public const long WeChatBodyLimit = 1024 * 1024 - 1;
    public const long WeChatThumbLimit = 64 * 1024;
    public const long WeiboPictureLimit = 5 * 1024 * 1024;

    /// <summary>Larger pictures are refused before decoding: a small file can claim a huge canvas.</summary>
    const long MaxPixels = 50_000_000;

    /// <exception cref="InvalidDataException">The bytes cannot be decoded, or the canvas is larger than any real photo.</exception>
    public static ChannelImage Fit(byte[] content, AssetFormat format, long maxBytes, string name, bool jpegOnly = false)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length <= maxBytes && (format == AssetFormat.Jpeg || (format == AssetFormat.Png && !jpegOnly)))
        {
            return new ChannelImage(content, format.MediaType(), name + format.Extensions()[0]);
        }

        var info = Image.Identify(content) ?? throw new InvalidDataException("The image format is not recognised.");
        if ((long)info.Width * info.Height > MaxPixels)
        {
            throw new InvalidDataException($"The image is {info.Width}×{info.Height} pixels, more than any photo needs.");
        }

        // A GIF's first frame; transparency becomes white, as a reader sees it on the page.
        using var image = Image.Load<Rgba32>(content);
        image.Mutate(x => x.BackgroundColor(Color.White));
        using var flat = image.CloneAs<Rgb24>();
        int quality = 85;
        for (int round = 0; round < 12; round++)
        {
            using var output = new MemoryStream();
            flat.SaveAsJpeg(output, new JpegEncoder { Quality = quality });
            if (output.Length <= maxBytes)
            {
                return new ChannelImage(output.ToArray(), "image/jpeg", name + ".jpg");
            }

            // Quality first, then size: a photo stays sharp as long as possible.
            if (quality > 60)
            {
                quality -= 10;
            }
            else
            {
                flat.Mutate(x => x.Resize(Math.Max(1, flat.Width * 3 / 4), Math.Max(1, flat.Height * 3 / 4)));
            }
        }

        throw new InvalidDataException("The image could not be brought under the channel's size limit.");
    }
}
