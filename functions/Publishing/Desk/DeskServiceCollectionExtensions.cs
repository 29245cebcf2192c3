using Microsoft.Extensions.DependencyInjection;
using Publishing.Notes;

namespace Publishing.Desk;

public static class DeskServiceCollectionExtensions
{
    /// <summary>The desk's files and the stores behind its own endpoints (passage notes).</summary>
    public static IServiceCollection AddDesk(this IServiceCollection services)
    {
        services.AddSingleton<DeskFiles>();
        services.AddSingleton<NoteStore>();
        return services;
    }
}
