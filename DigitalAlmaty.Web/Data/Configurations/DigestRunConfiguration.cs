using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

internal sealed class DigestRunConfiguration : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> builder)
    {
        builder.ToTable("DigestRuns");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(40);
        builder.Property(r => r.Node).HasMaxLength(200);
    }
}
