namespace DigitalAlmaty.Web.Realtime;

/// <summary>Readers' reports on a published item changed: one was added, or a moderator hid the item or dismissed them.</summary>
public sealed record FlagsChanged(Guid SubmissionId) : PortalEvent;
