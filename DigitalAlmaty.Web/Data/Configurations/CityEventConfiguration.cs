using DigitalAlmaty.Domain.Events;
using DigitalAlmaty.Domain.Submissions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DigitalAlmaty.Web.Data.Configurations;

internal sealed class CityEventConfiguration : IEntityTypeConfiguration<CityEvent>
{
    public void Configure(EntityTypeBuilder<CityEvent> builder)
    {
        builder.Ignore(e => e.Content);
        builder.Property(e => e.Format).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Languages).HasConversion<string>().HasMaxLength(64);
        builder.Property(e => e.Venue).HasMaxLength(CityEvent.VenueMaxLength * TextRules.DraftStorageFactor);
        builder.Property(e => e.OnlineLink).HasMaxLength(CityEvent.LinkMaxLength * TextRules.DraftStorageFactor);
        builder.Property(e => e.RegistrationLink).HasMaxLength(CityEvent.LinkMaxLength * TextRules.DraftStorageFactor);
        builder.Property(e => e.Organiser).HasMaxLength(CityEvent.OrganiserMaxLength * TextRules.DraftStorageFactor);
        builder.HasIndex(e => e.StartsAt);
    }
}
