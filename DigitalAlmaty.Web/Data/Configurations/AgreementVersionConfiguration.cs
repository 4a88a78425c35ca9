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
