using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using DigitalAlmaty.Web.Features.Submissions;
using Microsoft.Extensions.DependencyInjection;

namespace DigitalAlmaty.Tests.Support;

/// <summary>
/// Authors who keep writing while a backup runs: through a second node on the same SQLite file
/// (new accounts, cover uploads, drafts with those covers, submissions) and through the running
/// portal's own HTTP endpoints (drafts and submissions of the bench author). Every write is
/// recorded with the moment its commit returned.
/// </summary>
public sealed class BackupWriters(PortalFactory node, HttpClient portal)
{
    public enum Kind
    {
        Account,
        Upload,
        Draft,
        Submitted,
    }

    /// <summary>One committed write: what, its key (e-mail or id), the upload's SHA-256, and when the commit returned.</summary>
    public sealed record Write(Kind Kind, string Key, string? Sha256, long CommittedAt);

    private readonly ConcurrentBag<Write> _writes = [];
    private readonly ConcurrentBag<string> _errors = [];

    public IReadOnlyCollection<Write> Writes => _writes;

    public IReadOnlyCollection<string> Errors => _errors;

    /// <summary>Runs <paramref name="authors"/> writers on the second node and one over HTTP until <paramref name="stop"/>.</summary>
    public Task RunAsync(int authors, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, authors).Select(i => Task.Run(() => GuardAsync(() => NodeAuthorAsync(i, stop)), CancellationToken.None))
            .Append(Task.Run(() => GuardAsync(() => HttpAuthorAsync(stop)), CancellationToken.None)));

    private async Task GuardAsync(Func<Task> writer)
    {
        try
        {
            await writer();
        }
        catch (Exception ex)
        {
            _errors.Add($"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private void Record(Kind kind, string key, string? sha256 = null) => _writes.Add(new Write(kind, key, sha256, Stopwatch.GetTimestamp()));

    private async Task NodeAuthorAsync(int author, CancellationToken stop)
    {
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            var email = $"backup-{author}-{round}-{Guid.NewGuid():N}@example.kz";
            var user = await node.CreateUserAsync(email, PortalFactory.UserPassword, $"Автор {author}.{round}");
            Record(Kind.Account, email);

            using var scope = node.Services.CreateScope();
            var submissions = scope.ServiceProvider.GetRequiredService<SubmissionService>();
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id)], "test"));
            var bytes = Png(2_000 + Random.Shared.Next(20_000));
            var cover = await submissions.UploadCoverAsync(principal, new MemoryStream(bytes), "cover.png", CancellationToken.None);
            if (cover.FileId is not { } fileId)
            {
                _errors.Add($"upload refused: {cover.Problem}");
                return;
            }

            Record(Kind.Upload, fileId.ToString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            var id = Guid.NewGuid();
            var saved = await submissions.SaveIdeaAsync(principal, id, SubmissionSeed.IdeaContent($"Идея под резервной копией {author}.{round}") with { CoverImageId = fileId }, null);
            Check(saved, "draft");
            Record(Kind.Draft, id.ToString());
            if (round % 2 == 0)
            {
                Check(await submissions.SubmitAsync(principal, id), "submit");
                Record(Kind.Submitted, id.ToString());
            }

            await Pause();
        }
    }

    /// <summary>People pause between edits; the writers leave the two cores some room for the backup itself.</summary>
    private static Task Pause() => Task.Delay(Random.Shared.Next(20, 60));

    private async Task HttpAuthorAsync(CancellationToken stop)
    {
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            using var drafted = await portal.PostAsync($"/bench/moderation/draft?tag=backup-{round}", null, CancellationToken.None);
            drafted.EnsureSuccessStatusCode();
            var id = (await drafted.Content.ReadFromJsonAsync<DraftAnswer>(CancellationToken.None))!.Id;
            Record(Kind.Draft, id.ToString());
            using var submitted = await portal.PostAsync($"/bench/moderation/submit/{id}", null, CancellationToken.None);
            submitted.EnsureSuccessStatusCode();
            Record(Kind.Submitted, id.ToString());
            await Pause();
        }
    }

    private void Check(SubmissionResult result, string step)
    {
        if (!result.Succeeded)
        {
            _errors.Add($"{step}: {result.ErrorCode}");
        }
    }

    /// <summary>A PNG signature and random bytes: the store checks the first bytes only, and every file differs.</summary>
    private static byte[] Png(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        return bytes;
    }

    private sealed record DraftAnswer(Guid Id, string Title);
}
