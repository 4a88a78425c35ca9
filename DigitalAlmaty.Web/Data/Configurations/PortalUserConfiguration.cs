using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(Domain.Accounts.DisplayName.MaxLength).IsRequired();
        builder.Property(u => u.PreferredCulture).HasMaxLength(10).IsRequired();
        builder.HasIndex(u => u.LastActivityAt);
        builder.Property(u => u.BlockReason).HasMaxLength(2000);
        builder.Property(u => u.BlockClause).HasMaxLength(32);
        // Accounts that existed before digests get the weekly one too.
        builder.Property(u => u.DigestFrequency).HasConversion<string>().HasMaxLength(16).HasDefaultValue(Domain.Participation.DigestFrequency.Weekly);
    }
}
