using DigitalAlmaty.Tests.Support;
using DigitalAlmaty.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Tests.Web;

/// <summary>Annulment and participation: follows and supports go, counts and comments stay.</summary>
public abstract partial class InactiveAccountTests
{
    /// <summary>The user comments on, supports and follows someone else's published idea.</summary>
    private async Task<(Guid Idea, Guid Comment)> TakePartAsync(string userId)
    {
        var neighbour = await UserAsync("Соседка по району", fixture.Clock.Now);
        var other = await fixture.Seed.IdeaAsync(neighbour.Id, "Идея соседки", SubmissionSeed.Submit(neighbour.Id), SubmissionSeed.Approve());
        var comment = Guid.NewGuid();
        await WithDbAsync(async db =>
        {
            db.Comments.Add(new Comment { Id = comment, SubmissionId = other.Id, AuthorId = userId, Text = "Комментарий ушедшей участницы", CreatedAt = fixture.Clock.Now });
            db.IdeaSupports.Add(new IdeaSupport { IdeaId = other.Id, UserId = userId, CreatedAt = fixture.Clock.Now });
            db.Follows.Add(new Follow { SubmissionId = other.Id, UserId = userId, CreatedAt = fixture.Clock.Now });
            await db.SaveChangesAsync();
            return await db.Ideas.Where(i => i.Id == other.Id).ExecuteUpdateAsync(set => set.SetProperty(i => i.SupportCount, 1));
        });
        return (other.Id, comment);
    }

    private async Task AssertPartingKeepsCommentsAndCountsAsync(string userId, Guid other, Guid comment)
    {
        // Her follows and supports go; the idea's count stays as it was; her comment stays, under the neutral name.
        Assert.False(await WithDbAsync(db => db.Follows.AnyAsync(f => f.UserId == userId)));
        Assert.False(await WithDbAsync(db => db.IdeaSupports.AnyAsync(x => x.UserId == userId)));
        Assert.Equal(1, await WithDbAsync(db => db.Ideas.Where(i => i.Id == other).Select(i => i.SupportCount).SingleAsync()));
        Assert.True(await WithDbAsync(db => db.Comments.AnyAsync(c => c.Id == comment)));
        using var anonymous = fixture.CreatePortalClient();
        var thread = await HtmlPage.GetAsync(anonymous, $"/ideas/{other}?culture=ru-RU");
        Assert.Contains("Комментарий ушедшей участницы", thread.Text, StringComparison.Ordinal);
        Assert.Contains("Бывший участник", thread.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Алия", thread.Text, StringComparison.Ordinal);
    }
}
