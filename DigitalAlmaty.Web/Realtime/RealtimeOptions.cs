namespace DigitalAlmaty.Web.Realtime;

/// <summary>Settings under <c>Realtime</c>.</summary>
public sealed class RealtimeOptions
{
    public const string Section = "Realtime";

    public const string DefaultChannel = "digital-almaty:events";

    /// <summary>A StackExchange.Redis connection string; empty keeps the feed in-process.</summary>
    public string? Redis { get; set; }

    /// <summary>The pub/sub channel shared by the instances of one portal.</summary>
    public string RedisChannel { get; set; } = DefaultChannel;
}
