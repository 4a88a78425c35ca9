using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> builder)
    {
        builder.ToTable("Comments");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.AuthorId).HasMaxLength(450).IsRequired();
        builder.Property(c => c.Text).HasMaxLength(CommentRules.TextMaxLength).IsRequired();
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ModeratedBy).HasMaxLength(450);
        builder.Property(c => c.HiddenClause).HasMaxLength(32);
        builder.HasOne<Submission>().WithMany().HasForeignKey(c => c.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        // Annulment keeps comments (under "former participant"), so the author's account is not a cascade.
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        // The thread of an item, oldest first; the queue's pending ones; an author's recent hidden ones.
        builder.HasIndex(c => new { c.SubmissionId, c.CreatedAt });
        builder.HasIndex(c => new { c.State, c.CreatedAt });
        builder.HasIndex(c => new { c.AuthorId, c.State, c.ModeratedAt });
    }
}
