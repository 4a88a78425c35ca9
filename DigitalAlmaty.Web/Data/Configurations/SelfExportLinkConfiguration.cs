using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

internal sealed class SelfExportLinkConfiguration : IEntityTypeConfiguration<SelfExportLink>
{
    public void Configure(EntityTypeBuilder<SelfExportLink> builder)
    {
        builder.ToTable("SelfExportLinks");
        builder.HasKey(l => l.TokenHash);
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.Property(l => l.UserId).HasMaxLength(450).IsRequired();
        builder.HasIndex(l => l.ExpiresAt);
    }
}
