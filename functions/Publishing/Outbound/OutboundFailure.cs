namespace Publishing.Outbound;

/// <summary>Why a guarded fetch did not return content.</summary>
public enum OutboundFailure
{
    /// <summary>Not an absolute http/https URL (or it carries user credentials).</summary>
    InvalidUrl,
    /// <summary>The host resolves to loopback, private, link-local or another non-public address.</summary>
    BlockedAddress,
    /// <summary>The host name does not resolve, or no connection could be made.</summary>
    Unreachable,
    Timeout,
    TooManyRedirects,
    TooLarge,
    /// <summary>The bytes are not one of the types the caller accepts (whatever the server declared).</summary>
    UnexpectedContent,
    /// <summary>The server answered with a non-success status.</summary>
    HttpStatus,
}
