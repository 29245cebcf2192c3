using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Publishing.Testing.Fakes;

internal static class FakeResponses
{
    // Like the real APIs, Chinese is sent as characters rather than \u escapes.
    static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ResponseMessage Json(int status, object body, string contentType = "application/json; charset=utf-8")
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData
            {
                BodyAsString = JsonSerializer.Serialize(body, JsonOptions),
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            },
        };
        response.AddHeader("Content-Type", contentType);
        return response;
    }

    public static ResponseMessage Status(int status)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = "<html><body>" + status + "</body></html>", DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "text/html");
        return response;
    }
}
