using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Action).HasConversion<string>().HasMaxLength(32);
        builder.Property(n => n.SubmissionTitle).HasMaxLength(450);
        builder.Property(n => n.Topic).HasMaxLength(64);
        builder.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
    }
}
