namespace Publishing.Testing.Fakes;

/// <summary>A scripted failure: an API error code in the channel's JSON format, or a bare HTTP status (e.g. 502).</summary>
public sealed record FakeFailure(int? ErrorCode, string? Message, int HttpStatus);
