using DigitalAlmaty.Domain.Claims;
using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Publications;
using DigitalAlmaty.Domain.Submissions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Data;

/// <summary>
/// The portal's one database: Identity, data-protection keys (shared by every instance) and every
/// portal entity. Each provider has a small subclass that owns its own migrations set.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options)
    : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<Idea> Ideas => Set<Idea>();

    public DbSet<CityEvent> Events => Set<CityEvent>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<AgreementVersion> AgreementVersions => Set<AgreementVersion>();

    public DbSet<AgreementAcceptance> AgreementAcceptances => Set<AgreementAcceptance>();

    public DbSet<UserBlock> UserBlocks => Set<UserBlock>();

    public DbSet<SignInRecord> SignIns => Set<SignInRecord>();
    public DbSet<Publication> Publications => Set<Publication>();

    public DbSet<WrittenClaim> Claims => Set<WrittenClaim>();

    public DbSet<ClaimCounter> ClaimCounters => Set<ClaimCounter>();
    public DbSet<ContentFlag> ContentFlags => Set<ContentFlag>();

    public DbSet<SelfExportLink> SelfExportLinks => Set<SelfExportLink>();

    public DbSet<IdeaSupport> IdeaSupports => Set<IdeaSupport>();

    public DbSet<Follow> Follows => Set<Follow>();

    public DbSet<CityAnswer> CityAnswers => Set<CityAnswer>();

    public DbSet<Comment> Comments => Set<Comment>();

    public DbSet<CommentFlag> CommentFlags => Set<CommentFlag>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
