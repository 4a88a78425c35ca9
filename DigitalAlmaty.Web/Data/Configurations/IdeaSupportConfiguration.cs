using DigitalAlmaty.Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

internal sealed class IdeaSupportConfiguration : IEntityTypeConfiguration<IdeaSupport>
{
    public void Configure(EntityTypeBuilder<IdeaSupport> builder)
    {
        builder.ToTable("IdeaSupports");
        // One support per participant per idea, enforced by the database.
        builder.HasKey(s => new { s.IdeaId, s.UserId });
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.HasOne<Submission>().WithMany().HasForeignKey(s => s.IdeaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
        // The author's count by day.
        builder.HasIndex(s => new { s.IdeaId, s.CreatedAt });
    }
}
