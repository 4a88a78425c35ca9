using DigitalAlmaty.Domain.Flags;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

internal sealed class CommentFlagConfiguration : IEntityTypeConfiguration<CommentFlag>
{
    public void Configure(EntityTypeBuilder<CommentFlag> builder)
    {
        builder.ToTable("CommentFlags");
        builder.Property(f => f.ReporterId).HasMaxLength(450);
        builder.Property(f => f.ResolvedBy).HasMaxLength(450);
        builder.Property(f => f.Clause).HasMaxLength(32);
        builder.Property(f => f.Message).HasMaxLength(FlagRules.MessageMaxLength);
        builder.Property(f => f.Resolution).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Comment>().WithMany().HasForeignKey(f => f.CommentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(f => f.ReporterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.CommentId, f.ReporterId }).IsUnique();
        builder.HasIndex(f => new { f.ResolvedAt, f.CommentId });
        builder.HasIndex(f => f.ReporterId);
    }
}
