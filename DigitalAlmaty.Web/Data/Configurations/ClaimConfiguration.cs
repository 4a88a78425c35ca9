using DigitalAlmaty.Domain.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

/// <summary>Claims (7.1, 7.2, 7.4). The register reads (Status, DueOn); reminders read open claims by DueOn.</summary>
internal sealed class ClaimConfiguration : IEntityTypeConfiguration<WrittenClaim>
{
    public void Configure(EntityTypeBuilder<WrittenClaim> builder)
    {
        builder.ToTable("Claims");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(16).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.ClaimantName).HasMaxLength(WrittenClaim.NameMaxLength).IsRequired();
        builder.Property(c => c.ClaimantEmail).HasMaxLength(WrittenClaim.EmailMaxLength).IsRequired();
        builder.Property(c => c.ClaimantUserId).HasMaxLength(450);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.ClaimantUserId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(c => c.Topic).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Subject).HasMaxLength(WrittenClaim.SubjectMaxLength).IsRequired();
        builder.Property(c => c.Text).HasMaxLength(WrittenClaim.TextMaxLength).IsRequired();
        builder.Property(c => c.Culture).HasMaxLength(8).IsRequired();
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(c => c.AttachmentId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.AssigneeId).HasMaxLength(450);
        builder.Property(c => c.AnsweredBy).HasMaxLength(450);
        builder.Property(c => c.Answer).HasMaxLength(WrittenClaim.AnswerMaxLength);
        builder.Property(c => c.Revision).IsConcurrencyToken();
        builder.Ignore(c => c.IsAfterTermsWindow);
        builder.Ignore(c => c.IsOpen);
        builder.HasIndex(c => new { c.Status, c.DueOn });
        builder.HasIndex(c => c.FiledAt);
    }
}
