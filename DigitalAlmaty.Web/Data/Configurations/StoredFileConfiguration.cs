using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable("StoredFiles");
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.OwnerId).HasMaxLength(450);
        builder.Property(f => f.ContentType).HasMaxLength(100);
        builder.Property(f => f.OriginalName).HasMaxLength(255);

        // The per-user quota counts a user's files and those of the last hour.
        builder.HasIndex(f => new { f.OwnerId, f.CreatedAt });
    }
}
