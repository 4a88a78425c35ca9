namespace DigitalAlmaty.Web.Features.Submissions;

public enum EditorSaveState
{
    NotSaved,
    Unsaved,
    Saving,
    Saved,
    Failed,
}
