using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

internal sealed class ClaimCounterConfiguration : IEntityTypeConfiguration<ClaimCounter>
{
    public void Configure(EntityTypeBuilder<ClaimCounter> builder)
    {
        builder.ToTable("ClaimCounters");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}
