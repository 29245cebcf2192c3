namespace Publishing.Items;

/// <summary>Configuration section <c>Publishing:Content</c>.</summary>
public sealed class ContentStoreOptions
{
    public const string Section = "Publishing:Content";

    public string ContainerName { get; set; } = "items";
}
