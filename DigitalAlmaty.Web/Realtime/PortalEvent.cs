using System.Text.Json.Serialization;

namespace DigitalAlmaty.Web.Realtime;

/// <summary>A small fact published after a commit. Serializable, so a relay can carry it between nodes.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SubmissionChanged), "submission")]
[JsonDerivedType(typeof(NotificationCreated), "notification")]
[JsonDerivedType(typeof(ReviewPresenceChanged), "presence")]
[JsonDerivedType(typeof(FeedResynchronized), "resync")]
[JsonDerivedType(typeof(UserBlocked), "blocked")]
[JsonDerivedType(typeof(PublicationChanged), "publication")]
[JsonDerivedType(typeof(AgreementPublished), "agreement")]
[JsonDerivedType(typeof(SessionsEnded), "sessions-ended")]
[JsonDerivedType(typeof(AccountAnnulled), "annulled")]
[JsonDerivedType(typeof(FlagsChanged), "flags")]
public abstract record PortalEvent;
