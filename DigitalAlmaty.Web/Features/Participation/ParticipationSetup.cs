using DigitalAlmaty.Web.Realtime;

namespace DigitalAlmaty.Web.Features.Participation;

public static class ParticipationSetup
{
    /// <summary>Supports, follows and the city's answers, and their events on the feed (relayed between nodes).</summary>
    public static IServiceCollection AddPortalParticipation(this IServiceCollection services)
    {
        services.AddScoped<SupportService>();
        services.AddScoped<FollowService>();
        services.AddScoped<CityAnswerService>();
        services.AddScoped<CommentService>();
        services.AddSingleton<CommentMarkup>();
        services.AddScoped<CommentModeration>();
        services.AddScoped<Blocking.IBlockedUserContent, BlockedUserComments>();
        services.AddPortalEventType<CommentsChanged>("comments");
        services.AddSingleton<DigestTokens>();
        services.AddScoped<DigestSubscriptions>();
        services.AddScoped<DigestSender>();
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section);
        services.AddHostedService<DigestWatcher>();
        services.AddPortalEventType<SupportsChanged>("supports");
        services.AddPortalEventType<CityAnswerChanged>("city-answer");
        return services;
    }
}
