using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

internal sealed class AgreementVersionConfiguration : IEntityTypeConfiguration<AgreementVersion>
{
    public void Configure(EntityTypeBuilder<AgreementVersion> builder)
    {
        builder.ToTable("AgreementVersions");
        builder.HasIndex(v => v.Number).IsUnique();
        builder.Property(v => v.ChangeSummary).HasMaxLength(2000);
        builder.Property(v => v.PublishedBy).HasMaxLength(450);
    }
}

internal sealed class AgreementAcceptanceConfiguration : IEntityTypeConfiguration<AgreementAcceptance>
{
    public void Configure(EntityTypeBuilder<AgreementAcceptance> builder)
    {
        builder.ToTable("AgreementAcceptances");
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgreementVersion>().WithMany().HasForeignKey(a => a.VersionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.How).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(a => new { a.UserId, a.VersionId });
    }
}

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
