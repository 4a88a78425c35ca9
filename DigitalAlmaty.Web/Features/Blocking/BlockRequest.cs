using DigitalAlmaty.Web.Realtime;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DigitalAlmaty.Web.Features.Blocking;

/// <summary>
/// What an administrator fills in to block a user. <see cref="Until"/> null with <see cref="Permanent"/> false is an error.
/// With <see cref="HidePublished"/> the user's published ideas and events are hidden too, citing <see cref="Clause"/>
/// (which must then be one of the moderation clauses) and <see cref="Message"/>.
/// </summary>
public sealed record BlockRequest(DateTimeOffset? Until, bool Permanent, string Clause, string Message, bool HidePublished = false);
