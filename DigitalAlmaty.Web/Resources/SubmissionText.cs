namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings shared by the Ideas and Events editors, the author's workspace and moderation: statuses, field rules, clauses, categories.</summary>
public sealed class SubmissionText;
