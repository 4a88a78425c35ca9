namespace DigitalAlmaty.Web.Features.Moderation;

/// <summary>One open report as the review panel shows it: the reader's display name, never their address.</summary>
public sealed record OpenFlag(string Clause, string Message, DateTimeOffset CreatedAt, string ReporterName);
