using DigitalAlmaty.Domain.Events;

namespace DigitalAlmaty.Web.Features.Catalog;

public sealed record EventCard(
    Guid Id, string Title, string Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt, EventFormat Format,
    string Venue, string OnlineLink, string Organiser, string RegistrationLink);
