using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(a => a.ActorId).HasMaxLength(450);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.SubjectType).HasMaxLength(64);
        builder.Property(a => a.SubjectId).HasMaxLength(64);
        builder.Property(a => a.Before).HasMaxLength(64);
        builder.Property(a => a.After).HasMaxLength(64);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.ActorId, a.At });
        builder.HasIndex(a => new { a.SubjectType, a.SubjectId });
    }
}
