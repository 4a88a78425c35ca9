using DigitalAlmaty.Domain.Participation;
using DigitalAlmaty.Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

internal sealed class CityAnswerConfiguration : IEntityTypeConfiguration<CityAnswer>
{
    public void Configure(EntityTypeBuilder<CityAnswer> builder)
    {
        builder.ToTable("CityAnswers");
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(a => a.TextRu).HasMaxLength(CityAnswerRules.TextMaxLength).IsRequired();
        builder.Property(a => a.TextKk).HasMaxLength(CityAnswerRules.TextMaxLength);
        builder.Property(a => a.TextEn).HasMaxLength(CityAnswerRules.TextMaxLength);
        builder.Property(a => a.AuthorId).HasMaxLength(450).IsRequired();
        builder.HasOne<Submission>().WithMany().HasForeignKey(a => a.IdeaId).OnDelete(DeleteBehavior.Cascade);
        // Who wrote it is kept as the audit keeps actors: an id that outlives the account.
        builder.HasIndex(a => new { a.IdeaId, a.AnsweredAt });
    }
}
