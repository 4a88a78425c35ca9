using DigitalAlmaty.Domain.Flags;
using DigitalAlmaty.Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

internal sealed class ContentFlagConfiguration : IEntityTypeConfiguration<ContentFlag>
{
    public void Configure(EntityTypeBuilder<ContentFlag> builder)
    {
        builder.ToTable("ContentFlags");
        builder.Property(f => f.ReporterId).HasMaxLength(450);
        builder.Property(f => f.ResolvedBy).HasMaxLength(450);
        builder.Property(f => f.Clause).HasMaxLength(32);
        builder.Property(f => f.Message).HasMaxLength(FlagRules.MessageMaxLength);
        builder.Property(f => f.Resolution).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Submission>().WithMany().HasForeignKey(f => f.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(f => f.ReporterId).OnDelete(DeleteBehavior.Cascade);
        // One report per reader per item, enforced by the database (two concurrent posts: one wins).
        builder.HasIndex(f => new { f.SubmissionId, f.ReporterId }).IsUnique();
        // The queue reads the open reports: ResolvedAt IS NULL, grouped by item.
        builder.HasIndex(f => new { f.ResolvedAt, f.SubmissionId });
        builder.HasIndex(f => f.ReporterId);
    }
}
