namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings of the moderation queue, the review panel and the app-bar badge (ru neutral, kk, en).</summary>
public sealed class ModerationText;
