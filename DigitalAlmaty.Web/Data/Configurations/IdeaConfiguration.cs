using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

internal sealed class IdeaConfiguration : IEntityTypeConfiguration<Idea>
{
    public void Configure(EntityTypeBuilder<Idea> builder)
    {
        builder.Ignore(i => i.Content);
        builder.Property(i => i.Summary).HasMaxLength(Idea.SummaryMaxLength * TextRules.DraftStorageFactor);
        builder.Property(i => i.Category).HasMaxLength(40);
        builder.Property(i => i.Tags)
            .HasConversion(SubmissionConfiguration.StringListConverter, SubmissionConfiguration.StringListComparer)
            .HasMaxLength(1000);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(i => i.CoverImageId).OnDelete(DeleteBehavior.SetNull);
    }
}
