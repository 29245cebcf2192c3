using System.Text;
using Publishing.Outbound;

namespace Publishing.Tests.Outbound;

public class ContentSnifferTests
{
    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, SniffedType.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }, SniffedType.Png)]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, SniffedType.Gif)]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, SniffedType.WebP)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, SniffedType.Pdf)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0 }, SniffedType.Zip)]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, SniffedType.OleCompound)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, SniffedType.Unknown)] // truncated PNG signature
    [InlineData(new byte[] { }, SniffedType.Unknown)]
    public void Sniff_ReadsTheSignature(byte[] prefix, SniffedType expected)
    {
        Assert.Equal(expected, ContentSniffer.Sniff(prefix));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html>")]          // an error page served as image/jpeg
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\">")] // script-carrying SVG
    [InlineData("{\"errcode\":40001}")]
    public void Sniff_TextIsNeverAnImage(string text)
    {
        Assert.Equal(SniffedType.Unknown, ContentSniffer.Sniff(Encoding.UTF8.GetBytes(text)));
    }
}
