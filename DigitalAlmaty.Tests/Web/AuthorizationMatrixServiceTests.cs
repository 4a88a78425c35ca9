using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Tests.Web;

/// <summary>
/// The services behind interactive actions, called directly with the principals the application
/// builds for real accounts: every kind not allowed is refused and nothing in the database changes
/// (audit log included); then the first allowed kind succeeds and the database does change, which
/// shows the snapshot would have noticed.
/// </summary>
public sealed class AuthorizationMatrixServiceTests(AuthorizationMatrixFixture fixture) : IClassFixture<AuthorizationMatrixFixture>
{
    public static TheoryData<string> Actions() => new(AuthorizationMatrixServiceActions.All.Select(a => a.Name));

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Action_RefusesEveryoneNotAllowed_AndChangesNothing(string name)
    {
        var action = AuthorizationMatrixServiceActions.All.Single(a => a.Name == name);
        var act = await action.Prepare(fixture);
        var before = await SnapshotAsync();

        var wrong = new List<string>();
        foreach (var kind in AuthorizationMatrixFixture.Kinds.Where(k => !action.Allowed.Contains(k)))
        {
            if (await act(await fixture.PrincipalAsync(kind)))
            {
                wrong.Add($"{kind} was allowed");
            }

            var after = await SnapshotAsync();
            if (after != before)
            {
                wrong.Add($"{kind} changed the database:\n  before {before}\n  after  {after}");
                before = after;
            }
        }

        Assert.True(wrong.Count == 0, $"{name}:\n" + string.Join("\n", wrong));

        var allowed = action.Allowed[0];
        Assert.True(await act(await fixture.PrincipalAsync(allowed)), $"{name}: {allowed} should be allowed");
        if (!action.IsRead)
        {
            Assert.NotEqual(before, await SnapshotAsync());
        }
    }

    /// <summary>What the actions can change: the audit log, items, reports, publications, claims, accounts, agreement versions, notifications.</summary>
    private Task<string> SnapshotAsync() => fixture.WithDbAsync(async db =>
    {
        var text = new StringBuilder();
        text.Append("audit=").Append(await db.AuditLog.CountAsync());
        foreach (var s in await db.Submissions.AsNoTracking().Select(s => new { s.Id, s.Status, s.Revision, s.Title }).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $" s:{s.Id}:{s.Status}:{s.Revision}:{s.Title}");
        }

        foreach (var f in await db.ContentFlags.AsNoTracking().Select(f => new { f.Id, Resolved = f.ResolvedAt != null }).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $" f:{f.Id}:{f.Resolved}");
        }

        foreach (var p in await db.Publications.AsNoTracking().Select(p => new { p.Id, p.Status, p.Revision }).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $" p:{p.Id}:{p.Status}:{p.Revision}");
        }

        foreach (var c in await db.Claims.AsNoTracking().Select(c => new { c.Id, c.Status, c.Revision }).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $" c:{c.Id}:{c.Status}:{c.Revision}");
        }

        foreach (var u in await db.Users.AsNoTracking().Select(u => new { u.Id, u.BlockedUntil, u.AnnulledAt }).ToListAsync())
        {
            text.Append(CultureInfo.InvariantCulture, $" u:{u.Id}:{u.BlockedUntil:O}:{u.AnnulledAt:O}");
        }

        text.Append(" versions=").Append(await db.AgreementVersions.CountAsync())
            .Append(" blocks=").Append(await db.UserBlocks.CountAsync())
            .Append(" notifications=").Append(await db.Notifications.CountAsync());
        return text.ToString();
    });
}
