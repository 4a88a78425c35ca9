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
        // Ideas that were published before supports existed count none (events share the table and the column).
        builder.Property(i => i.SupportCount).HasDefaultValue(0);
        builder.Property(i => i.CityStatus).HasConversion<string>().HasMaxLength(32);
        // /ideas?sort=support: most supported first, newest among equals.
        builder.HasIndex(i => new { i.Status, i.SupportCount, i.PublishedAt, i.Id });
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(i => i.CoverImageId).OnDelete(DeleteBehavior.SetNull);
    }
}
