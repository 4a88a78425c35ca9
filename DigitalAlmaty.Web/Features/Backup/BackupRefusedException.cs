namespace DigitalAlmaty.Web.Features.Backup;

/// <summary>A backup or restore that stopped before doing harm; the message tells the operator why.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);
