using DigitalAlmaty.Domain.Publications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

/// <summary>
/// Publications with their per-language texts (PublicationTexts) and attachments
/// (PublicationAttachments) as owned rows. The public list reads (Kind, PublishAt, Id).
/// </summary>
internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> builder)
    {
        builder.ToTable("Publications");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.AuthorId).HasMaxLength(450).IsRequired();
        builder.Property(p => p.UpdatedBy).HasMaxLength(450).IsRequired();
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(p => p.CoverImageId).OnDelete(DeleteBehavior.SetNull);
        builder.Ignore(p => p.AttachmentIds);
        builder.Ignore(p => p.Languages);

        builder.HasIndex(p => new { p.Kind, p.PublishAt, p.Id });
        builder.HasIndex(p => new { p.Status, p.PublishAt });
        builder.HasIndex(p => p.UpdatedAt);

        builder.OwnsMany(p => p.Texts, text =>
        {
            text.ToTable("PublicationTexts");
            text.WithOwner().HasForeignKey("PublicationId");
            text.HasKey("PublicationId", nameof(PublicationContent.Language));
            text.Property(t => t.Language).HasMaxLength(8);
            text.Property(t => t.Title).HasMaxLength(Publication.TitleMaxLength).IsRequired();
            text.Property(t => t.Summary).HasMaxLength(Publication.SummaryMaxLength).IsRequired();
            text.Property(t => t.Body).HasMaxLength(Publication.BodyMaxLength).IsRequired();
            text.Ignore(t => t.IsBlank);
        });
        builder.Navigation(p => p.Texts).HasField("_texts").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(p => p.Attachments, attachment =>
        {
            attachment.ToTable("PublicationAttachments");
            attachment.WithOwner().HasForeignKey("PublicationId");
            attachment.HasKey("PublicationId", nameof(PublicationAttachment.Position));
            attachment.Property(a => a.Position).ValueGeneratedNever();
            attachment.HasIndex(a => a.FileId);
        });
        builder.Navigation(p => p.Attachments).HasField("_attachments").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
