namespace DigitalAlmaty.Web.Resources;

/// <summary>Strings of the author's workspace (/my, /my/{id}) and the public Idea and Event pages (ru neutral, kk, en).</summary>
public sealed class WorkspaceText;
