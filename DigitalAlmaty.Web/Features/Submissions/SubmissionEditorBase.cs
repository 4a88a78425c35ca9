using System.Security.Claims;
using DigitalAlmaty.Domain.Submissions;
using DigitalAlmaty.Web.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace DigitalAlmaty.Web.Features.Submissions;

/// <summary>
/// What the Idea and Event editors share: loading the author's draft, live validation with the
/// Domain's rules, autosave a moment after typing stops and on leaving a field, one write at a
/// time, the browser copy's restore notice, and submitting with focus on the first invalid field.
/// </summary>
public abstract class SubmissionEditorBase<TSubmission, TContent> : ComponentBase, IDisposable
    where TSubmission : Submission
    where TContent : class
{
    // Autosave, upload and submit all write the same row: one at a time, never interleaved.
    private readonly SemaphoreSlim _writes = new(1, 1);
    private readonly HashSet<string> _touched = [];
    private Autosave? _autosave;
    private IReadOnlyList<FieldError> _errors = [];

    [Inject] protected SubmissionService Submissions { get; set; } = default!;

    [Inject] protected SubmissionMessages Messages { get; set; } = default!;

    [Inject] protected TimeProvider Clock { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    [Inject] private Blocking.WriteGate Gate { get; set; } = default!;

    [Inject] private Blocking.GovernanceMessages Governance { get; set; } = default!;

    [Inject] private Realtime.PortalEventFeed Feed { get; set; } = default!;

    private IDisposable? _blockSubscription;
    private IDisposable? _sessionSubscription;

    /// <summary>Set when the author is blocked (4.1.3, 6.4): the editor turns read-only and says why.</summary>
    protected string? BlockedNotice { get; private set; }

    [Parameter] public Guid? Id { get; set; }

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected TContent Content { get; private set; } = default!;

    protected Guid DraftId { get; private set; }

    protected ClaimsPrincipal User { get; private set; } = new();

    protected bool IsNewDraft => Id is null;

    protected bool Loaded { get; private set; }

    protected bool Submitted { get; private set; }

    protected bool Busy { get; private set; }

    protected bool ShowSummary { get; private set; }

    protected SubmissionStatus? LockedStatus { get; private set; }

    protected string? ModeratorQuestion { get; private set; }

    protected string? Answer { get; set; }

    protected string? Failure { get; set; }

    protected IReadOnlyList<string> Restored { get; private set; } = [];

    protected IReadOnlyList<FieldError> ServerErrors { get; private set; } = [];

    protected EditorSaveState SaveState { get; private set; } = EditorSaveState.NotSaved;

    protected DateTimeOffset SavedAt { get; private set; }

    protected bool ExistsOnServer { get; private set; }

    /// <summary>The revision of the draft as the editor loaded it (null for a new draft), for the browser copy.</summary>
    protected int? LoadedRevision { get; private set; }

    /// <summary>When the loaded draft was last saved on the server, for the browser copy.</summary>
    protected DateTimeOffset? LoadedSavedAt { get; private set; }

    protected bool HasErrors => _errors.Count > 0;

    /// <summary>"ideas" or "events": the path segment of this kind's pages.</summary>
    protected abstract string PathSegment { get; }

    protected abstract TContent EmptyContent { get; }

    protected string StorageKey => ExistsOnServer ? $"{PathSegment}:{DraftId}" : $"{PathSegment}:new:{ActingUser.Id(User)}";

    protected abstract TContent ContentOf(TSubmission submission);

    protected abstract IReadOnlyList<FieldError> Rules(TContent content);

    protected abstract Task<SubmissionResult> SaveToServerAsync(TContent content, int? knownRevision);

    /// <summary>Labels of the inputs (by element id) the browser copy may restore.</summary>
    protected abstract IReadOnlyDictionary<string, string> InputLabels();

    /// <summary>Sends any text still travelling from the browser (long fields) before acting on it.</summary>
    protected virtual Task FlushInputsAsync() => Task.CompletedTask;

    protected abstract Task FocusFieldAsync(string field);

    /// <summary>Called after loading an existing draft, to fill page-specific state (tags text, local times).</summary>
    protected virtual void OnDraftLoaded(TSubmission submission)
    {
    }

    protected abstract Components.Shared.DraftKeeper? Keeper { get; }

    private int? _revision;

    protected override async Task OnInitializedAsync()
    {
        User = (await AuthenticationState).User;
        Content = EmptyContent;
        if (ActingUser.Id(User) is { } userId)
        {
            if (await Gate.RefusalAsync(userId) is { } refusal)
            {
                if (refusal.Code == Blocking.WriteRefusal.AgreementRequired)
                {
                    // A notable agreement version comes first; the acceptance page brings the author back here.
                    GoToAgreement();
                    return;
                }

                BlockedNotice = Governance.Refusal(refusal);
            }

            _sessionSubscription = Feed.Subscribe<Realtime.SessionsEnded>(ended => ended.UserId != userId
                ? Task.CompletedTask
                : InvokeAsync(() =>
                {
                    BlockedNotice = Governance.Refusal(new Blocking.WriteRefusal(Blocking.WriteRefusal.SessionEnded));
                    StateHasChanged();
                }));
            _blockSubscription = Feed.Subscribe<Realtime.UserBlocked>(blocked => blocked.UserId != userId
                ? Task.CompletedTask
                : InvokeAsync(() =>
                {
                    BlockedNotice = Governance.Blocked(blocked.Until, blocked.Clause, blocked.Reason);
                    StateHasChanged();
                }));
        }

        _autosave = new Autosave(InvokeAsync, SaveAsync, TimeSpan.FromSeconds(2));
        if (Id is null)
        {
            DraftId = Guid.NewGuid();
            Loaded = true;
            return;
        }

        DraftId = Id.Value;
        var submission = await Submissions.FindOwnAsync<TSubmission>(User, DraftId);
        if (submission is null)
        {
            Navigation.NotFound();
            return;
        }

        ExistsOnServer = true;
        _revision = submission.Revision;
        LoadedRevision = submission.Revision;
        LoadedSavedAt = submission.UpdatedAt;
        Content = ContentOf(submission);
        if (!SubmissionLifecycle.AuthorMayEdit(submission.Status))
        {
            LockedStatus = submission.Status;
        }
        else if (submission.Status == SubmissionStatus.InformationRequested)
        {
            ModeratorQuestion = submission.LatestModeratorMessage;
        }

        OnDraftLoaded(submission);
        _errors = Rules(Content);
        Loaded = true;
    }

    /// <summary>The write gate refused a write (an upload): the agreement page, or the editor turns read-only and says why.</summary>
    protected void RefuseWrite(Blocking.WriteRefusal refusal)
    {
        if (refusal.Code == Blocking.WriteRefusal.AgreementRequired)
        {
            GoToAgreement();
            return;
        }

        BlockedNotice = Governance.Refusal(refusal);
    }

    private void GoToAgreement()
    {
        var here = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
        Navigation.NavigateTo($"agreement/accept?returnUrl={Uri.EscapeDataString(here)}", forceLoad: true);
    }

    /// <summary>The error to show under a field: the server's, or the rules' once the field was touched or a submit was tried.</summary>
    protected string? ErrorFor(string field)
    {
        var error = ServerErrors.FirstOrDefault(e => e.Field == field)
            ?? (ShowSummary || _touched.Contains(field) ? _errors.FirstOrDefault(e => e.Field == field) : null);
        return error is null ? null : Messages.Error(error);
    }

    protected void Change(Func<TContent, TContent> update, string field)
    {
        Content = update(Content);
        _touched.Add(field);
        ServerErrors = ServerErrors.Where(e => e.Field != field).ToList();
        _errors = Rules(Content);
        SaveState = EditorSaveState.Unsaved;
        _autosave!.Changed();
    }

    protected Task LeaveAsync(string field)
    {
        if (!Equals(Content, EmptyContent))
        {
            _touched.Add(field);
        }

        return _autosave!.FlushAsync();
    }

    protected void OnRestored(IReadOnlyList<string> inputIds)
    {
        var labels = InputLabels();
        Restored = inputIds.Select(id => labels.GetValueOrDefault(id)).OfType<string>().Distinct().ToList();
        StateHasChanged();
    }

    protected async Task SaveAsync()
    {
        await _writes.WaitAsync();
        try
        {
            await SaveNowAsync();
        }
        finally
        {
            _writes.Release();
        }
    }

    private async Task SaveNowAsync()
    {
        if ((!ExistsOnServer && Equals(Content, EmptyContent)) || BlockedNotice is not null)
        {
            return;
        }

        SaveState = EditorSaveState.Saving;
        StateHasChanged();
        var result = await SaveToServerAsync(Content, _revision);
        if (!result.Succeeded)
        {
            SaveState = EditorSaveState.Failed;
            ServerErrors = result.FieldErrors;
            if (result.ErrorCode == Blocking.WriteRefusal.AgreementRequired)
            {
                GoToAgreement();
                return;
            }

            if (result.ErrorCode == Blocking.WriteRefusal.Blocked)
            {
                var refusal = await Gate.RefusalAsync(ActingUser.Id(User) ?? string.Empty);
                BlockedNotice = refusal is null ? Messages.Failure(result) : Governance.Refusal(refusal);
            }
            else if (result.ErrorCode == Blocking.WriteRefusal.SessionEnded)
            {
                BlockedNotice = Messages.Failure(result);
            }
            else if (result.ErrorCode == SubmissionResult.Conflict)
            {
                Failure = Messages.Failure(result);
            }
            else
            {
                _autosave!.SaveFailed();
            }

            StateHasChanged();
            return;
        }

        _revision = result.Revision;
        SavedAt = Clock.GetUtcNow();
        SaveState = _autosave!.HasPendingChanges ? EditorSaveState.Unsaved : EditorSaveState.Saved;
        if (!ExistsOnServer)
        {
            ExistsOnServer = true;
            if (Keeper is not null)
            {
                await Keeper.RenameAsync(StorageKey, $"/{PathSegment}/{DraftId}/edit");
            }
        }

        if (Keeper is not null)
        {
            await Keeper.SavedAsync(result.Revision);
        }

        StateHasChanged();
    }

    /// <summary>Saves at once: after an upload, or before leaving.</summary>
    protected Task SaveSoonAsync()
    {
        _autosave!.Changed();
        return _autosave.FlushAsync();
    }

    protected async Task SubmitAsync()
    {
        Busy = true;
        try
        {
            // Text typed in the last moment may still be on its way from the browser.
            await FlushInputsAsync();
            await SaveSoonAsync();
            _errors = Rules(Content);
            if (_errors.Count > 0)
            {
                ShowSummary = true;
                StateHasChanged();
                await FocusFieldAsync(_errors[0].Field);
                return;
            }

            SubmissionResult result;
            await _writes.WaitAsync();
            try
            {
                result = await Submissions.SubmitAsync(User, DraftId, Answer);
            }
            finally
            {
                _writes.Release();
            }

            if (!result.Succeeded)
            {
                ShowSummary = true;
                ServerErrors = result.FieldErrors;
                Failure = result.FieldErrors.Count == 0 ? Messages.Failure(result) : null;
                StateHasChanged();
                if (result.FieldErrors.Count > 0)
                {
                    await FocusFieldAsync(result.FieldErrors[0].Field);
                }

                return;
            }

            if (Keeper is not null)
            {
                await Keeper.ClearAsync();
            }

            Submitted = true;
        }
        finally
        {
            Busy = false;
        }
    }

    public void Dispose()
    {
        _blockSubscription?.Dispose();
        _sessionSubscription?.Dispose();
        _autosave?.Dispose();
        _writes.Dispose();
        GC.SuppressFinalize(this);
    }
}
