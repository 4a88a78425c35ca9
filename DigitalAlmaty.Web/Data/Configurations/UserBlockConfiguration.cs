using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

internal sealed class UserBlockConfiguration : IEntityTypeConfiguration<UserBlock>
{
    public void Configure(EntityTypeBuilder<UserBlock> builder)
    {
        builder.ToTable("UserBlocks");
        builder.Property(b => b.UserId).HasMaxLength(450);
        builder.Property(b => b.BlockedBy).HasMaxLength(450);
        builder.Property(b => b.UnblockedBy).HasMaxLength(450);
        builder.Property(b => b.Clause).HasMaxLength(32);
        builder.Property(b => b.Reason).HasMaxLength(2000);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.UserId, b.BlockedAt });
    }
}
