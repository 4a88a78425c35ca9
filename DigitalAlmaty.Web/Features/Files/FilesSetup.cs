namespace DigitalAlmaty.Web.Features.Files;

/// <summary>Uploads: where they are kept, their limits and quota, and the cleanup of orphans.</summary>
public static class FilesSetup
{
    public static IServiceCollection AddPortalFiles(this IServiceCollection services)
    {
        services.AddOptions<FileStoreOptions>().BindConfiguration(FileStoreOptions.Section);
        services.AddSingleton<FileStore>();
        services.AddScoped<OrphanUploadCleanup>();
        services.AddHostedService<OrphanUploadWatcher>();
        return services;
    }
}
