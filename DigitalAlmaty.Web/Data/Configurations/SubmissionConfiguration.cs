using System.Text.Json;
using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Ideas;
using DigitalAlmaty.Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DigitalAlmaty.Web.Data.Configurations;

/// <summary>
/// Ideas and Events share one table (one queue, one index for the moderators), told apart by Kind.
/// History and submitted versions are owned rows; enums are stored as text.
/// </summary>
internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    /// <summary>The shadow discriminator; the domain's own Kind property is computed.</summary>
    public const string KindColumn = "KindDiscriminator";

    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("Submissions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Ignore(s => s.Kind);
        builder.HasDiscriminator<string>(KindColumn)
            .HasValue<Idea>(nameof(SubmissionKind.Idea))
            .HasValue<CityEvent>(nameof(SubmissionKind.Event));
        builder.Property<string>(KindColumn).HasColumnName("Kind").HasMaxLength(16);
        builder.Ignore(s => s.IsPublic);

        builder.Property(s => s.AuthorId).HasMaxLength(450).IsRequired();
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(s => s.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Title).HasMaxLength(Submission.TitleMaxLength * TextRules.DraftStorageFactor).IsRequired();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(s => s.Revision).IsConcurrencyToken();

        builder.HasIndex(s => new { s.Status, s.SubmittedAt, s.Id });
        // The public lists: newest first and by title, each with the id that breaks ties (keyset paging).
        builder.HasIndex(KindColumn, nameof(Submission.Status), nameof(Submission.PublishedAt), nameof(Submission.Id));
        builder.HasIndex(KindColumn, nameof(Submission.Status), nameof(Submission.Title), nameof(Submission.Id));
        builder.HasIndex(s => new { s.AuthorId, s.UpdatedAt });

        builder.OwnsMany(s => s.History, history =>
        {
            history.ToTable("SubmissionHistory");
            history.WithOwner().HasForeignKey("SubmissionId");
            history.HasKey("SubmissionId", nameof(SubmissionHistoryEntry.Sequence));
            history.Property(h => h.Sequence).ValueGeneratedNever();
            history.Property(h => h.ActorId).HasMaxLength(450);
            history.Property(h => h.Action).HasConversion<string>().HasMaxLength(32);
            history.Property(h => h.From).HasConversion<string>().HasMaxLength(32);
            history.Property(h => h.To).HasConversion<string>().HasMaxLength(32);
            history.Property(h => h.ClauseIds).HasConversion(StringListConverter, StringListComparer).HasMaxLength(400);
        });
        builder.Navigation(s => s.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(s => s.Versions, version =>
        {
            version.ToTable("SubmissionVersions");
            version.WithOwner().HasForeignKey("SubmissionId");
            version.HasKey("SubmissionId", nameof(SubmissionVersion.Number));
            version.Property(v => v.Number).ValueGeneratedNever();
            version.Property(v => v.Fields).HasConversion(FieldsConverter, FieldsComparer);
        });
        builder.Navigation(s => s.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    internal static readonly ValueConverter<IReadOnlyList<string>, string> StringListConverter = new(
        list => JsonSerializer.Serialize(list, JsonSerializerOptions.Default),
        json => JsonSerializer.Deserialize<string[]>(json, JsonSerializerOptions.Default) ?? Array.Empty<string>());

    internal static readonly ValueComparer<IReadOnlyList<string>> StringListComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item.GetHashCode(StringComparison.Ordinal))),
        list => list.ToArray());

    private static readonly ValueConverter<IReadOnlyDictionary<string, string>, string> FieldsConverter = new(
        fields => JsonSerializer.Serialize(fields, JsonSerializerOptions.Default),
        json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? new Dictionary<string, string>());

    private static readonly ValueComparer<IReadOnlyDictionary<string, string>> FieldsComparer = new(
        (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
        fields => fields.Count,
        fields => fields.ToDictionary(p => p.Key, p => p.Value));
}
